namespace LogViewer.Core.Replay;

/// <summary>A line of a jsonl file that is not a log entry, and why (for a one-line message on stderr).</summary>
public sealed record MalformedLine(long LineNumber, string Reason)
{
    public override string ToString() => $"line {LineNumber}: {Reason}";
}
