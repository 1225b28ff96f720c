using System.Globalization;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace LogViewer.Tests.Tui;

/// <summary>
/// <c>:chart loss</c> in a real terminal over the demo's training job: the loss curve per replica, drawn in braille
/// from step 1 (once the history has back-filled) to the newest step, with the job's first loss at the top of the axis;
/// then <c>#</c> on a step line charts its numbers in turn.
/// </summary>
public sealed partial class ChartEndToEndTests(ITestOutputHelper output)
{
    [TmuxFact]
    public void Chart_Loss_Draws_The_Demo_Job_Loss_Curve_Per_Replica()
    {
        using var terminal = TmuxTerminal.Start(100, 30);
        terminal.Type($"dotnet {Quote(TuiEndToEndTests.LogViewerDll())} demo; echo LOGVIEWER-EXITED-$?");
        terminal.SendKeys("Enter");
        terminal.WaitFor(s => s.Contains("loss=", StringComparison.Ordinal) && s.Contains("Replicas", StringComparison.Ordinal), "step lines", TimeSpan.FromSeconds(120));

        terminal.SendKeys(":");
        terminal.Type("chart loss");
        terminal.SendKeys("Enter");

        // The whole run, once the back-fill has reached the job's first step: its first loss (3.2 less a step) on top.
        var screen = terminal.WaitFor(s => s.Contains("Chart: loss by step", StringComparison.Ordinal) && s.Contains("step 1 ", StringComparison.Ordinal), "the chart from step 1", TimeSpan.FromSeconds(120));
        output.WriteLine(screen);
        var legends = LegendPattern().Matches(screen);
        Assert.Equal(2, legends.Count);
        Assert.All(legends, legend =>
        {
            Assert.Contains(legend.Groups["replica"].Value, screen.Split('\n')[1..4].Select(r => r[..22]).Aggregate(string.Concat), StringComparison.Ordinal);
            Assert.InRange(double.Parse(legend.Groups["max"].Value, CultureInfo.InvariantCulture), 3.0, 3.2);
            Assert.InRange(double.Parse(legend.Groups["min"].Value, CultureInfo.InvariantCulture), 0.0, 3.0);
        });
        Assert.Contains(screen, c => c > '\u2800' && c <= '\u28FF');
        Assert.Matches(@"3\.1\d*┤", screen);

        // Esc, narrow to step lines, # charts the newest one's first number (step), # # its third (loss).
        terminal.SendKeys("Escape");
        terminal.WaitFor(s => !s.Contains("Chart:", StringComparison.Ordinal), "the chart to close");
        terminal.SendKeys("/");
        terminal.Type("loss=");
        terminal.SendKeys("Enter");
        terminal.WaitForText("kept as rule 1");

        // # reads the entry the pane shows: wait for the narrowed count, as a user sees the re-filter apply.
        terminal.WaitFor(s => NarrowedPattern().IsMatch(s), "the narrowed view");
        terminal.SendKeys("#");
        terminal.WaitForText("Chart: step by time");
        terminal.SendKeys("#", "#");
        screen = terminal.WaitForText("Chart: loss by step");
        output.WriteLine(screen);

        terminal.SendKeys("q");
        terminal.WaitFor(s => !s.Contains("Chart:", StringComparison.Ordinal), "q to close the chart");
        terminal.SendKeys("q");
        terminal.WaitForText("LOGVIEWER-EXITED-0");
    }

    private static string Quote(string path) => "'" + path.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    [GeneratedRegex(@"[ab] (?<replica>\w+)\s+last (?<last>[\d.]+)\s+min (?<min>[\d.]+)\s+max (?<max>[\d.]+)")]
    private static partial Regex LegendPattern();

    [GeneratedRegex(@"\d[\d,]*/\d[\d,]* lines")]
    private static partial Regex NarrowedPattern();
}
