namespace LogViewer.Tests.Tui;

/// <summary>A test that needs tmux: skipped, saying so, only when tmux is not installed (CI installs it).</summary>
public sealed class TmuxFactAttribute : FactAttribute
{
    public TmuxFactAttribute()
    {
        if (!TmuxTerminal.IsInstalled)
        {
            Skip = "tmux is not installed (CI installs it): the end-to-end TUI tests need a real terminal.";
        }
    }
}
