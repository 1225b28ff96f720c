namespace LogViewer.Tui.State;

/// <summary>What <c>c</c> puts on the clipboard.</summary>
internal enum CopyFormat
{
    /// <summary>One text line per log line, as <c>--output text</c>: time, level, replica, message.</summary>
    Text,

    /// <summary>One LogV1 JSON object per log line, as <c>--output jsonl</c>.</summary>
    Jsonl,
}
