namespace LogViewer.Tests.Tui;

/// <summary>A double click as a terminal sends it (two SGR press/release reports) opens the detail pane (issue 15 item 7).</summary>
public sealed partial class TuiEndToEndTests
{
    [TmuxFact]
    public void A_Double_Click_On_An_Entry_Opens_Its_Detail_Pane()
    {
        using var file = NumberedLog(300);
        using var terminal = StartReplay(file.Path, 100, 30);
        terminal.WaitFor(_ => terminal.Display("#{mouse_button_flag}") == "1", "button-event reporting");
        var screen = terminal.Capture().Split('\n');
        var row = Array.FindIndex(screen, l => l.Contains("entry 0290", StringComparison.Ordinal));
        Assert.True(row >= 0, string.Join('\n', screen));

        // Two clicks on entry 0290 in one write, as a quick double click arrives
        var click = $"\u001b[<0;60;{row + 1}M\u001b[<0;60;{row + 1}m";
        terminal.Type(click + click);

        // Then the detail pane shows that entry; Esc closes it with the entry still selected
        var detail = terminal.WaitForText("Entry (j/k");
        Assert.Contains("entry 0290", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("entry 0289", detail, StringComparison.Ordinal);
        terminal.SendKeys("Escape");
        Assert.Equal("entry 0290", WaitForSelected(terminal, "entry 0290"));
        terminal.SendKeys("q");
        terminal.WaitForText(Exited + "0");
    }
}
