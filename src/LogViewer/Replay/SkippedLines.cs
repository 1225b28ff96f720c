using LogViewer.Core.Replay;

namespace LogViewer.Replay;

/// <summary>
/// The malformed lines of one replay input, kept as a count and the first one, so they are reported once
/// ("skipped 3 lines (first at line 17: not valid JSON)") instead of one message per line.
/// </summary>
internal sealed class SkippedLines
{
    public long Count { get; private set; }

    public MalformedLine? First { get; private set; }

    public void Add(MalformedLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        First ??= line;
        Count++;
    }

    /// <summary>Null when nothing was skipped.</summary>
    public string? Describe(string? inputName = null)
    {
        if (First is not { } first)
        {
            return null;
        }

        var where = inputName is null ? $"line {first.LineNumber}" : $"{inputName} line {first.LineNumber}";
        return $"skipped {Count} {(Count == 1 ? "line" : "lines")} (first at {where}: {first.Reason})";
    }

    /// <summary>
    /// The one line for an input that is not LogV1 jsonl at all: nothing in it decoded. Names the input, the first bad
    /// line and what was expected.
    /// </summary>
    public string NotJsonl(string inputName) =>
        $"{inputName}: not LogV1 JSON lines (line {First?.LineNumber}: {First?.Reason}); expected one JSON object per line with "
        + "timestamp, message, replica, request_id and level, as --output jsonl writes.";
}
