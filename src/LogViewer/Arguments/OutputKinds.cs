namespace LogViewer.Arguments;

internal static class OutputKinds
{
    public static bool TryParse(string text, out OutputKind kind)
    {
        switch (text.Trim().ToUpperInvariant())
        {
            case "TUI":
                kind = OutputKind.Tui;
                return true;
            case "TEXT":
                kind = OutputKind.Text;
                return true;
            case "JSONL":
                kind = OutputKind.Jsonl;
                return true;
            default:
                kind = OutputKind.Text;
                return false;
        }
    }
}
