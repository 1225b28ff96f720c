namespace LogViewer.Arguments;

/// <summary>How a tail command shows its lines (<c>--output</c>).</summary>
internal enum OutputKind
{
    Tui,
    Text,
    Jsonl,
}
