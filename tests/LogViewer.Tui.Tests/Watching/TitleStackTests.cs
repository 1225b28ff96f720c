using LogViewer.Core.Tail;
using LogViewer.Tui.Watching;

namespace LogViewer.Tui.Tests.Watching;

/// <summary>
/// The title stack across job control and a failing exit: the bytes the viewer writes when it hands the terminal to
/// the shell (Ctrl+Z, a crash) and when it takes it back (<c>fg</c>), captured from the program's terminal writer.
/// </summary>
public sealed class TitleStackTests
{
    private const string Push = "\u001b[22;0t";
    private const string Pop = "\u001b[23;0t";

    private static string Title(string text) => $"\u001b]2;{text}\u0007";

    private static TailStatus Job(string status, double seconds) =>
        new(TailState.Live, Entries.Start.AddSeconds(seconds), "Live.") { JobStatus = status };

    [Fact]
    public void A_Stop_Pops_The_Users_Title_And_Fg_Pushes_It_Again_Under_The_Current_Title()
    {
        // Given a viewer showing its title
        var viewer = new ViewerHarness(title: true);
        viewer.Status(Job("RUNNING", 1));
        var stack = viewer.Program.Title!;
        viewer.TerminalOutput.Clear();

        // When it is stopped (what JobControl writes on the way to the shell), a status arrives meanwhile, and fg
        var toShell = stack.GiveBack();
        var again = stack.GiveBack();
        viewer.Status(Job("FAILED", 5));
        var whileStopped = viewer.TerminalOutput.ToString();
        var back = stack.TakeBack();
        viewer.Dispose();

        // Then the stop pops once, nothing is titled while stopped, fg pushes and shows the newest title, exit pops again
        Assert.Equal(Pop, toShell);
        Assert.Equal(string.Empty, again);
        Assert.Equal(string.Empty, whileStopped);
        Assert.Equal(Push + Title("deployment d1: FAILED"), back);
        Assert.Equal(Pop, viewer.TerminalOutput.ToString());
    }

    [Fact]
    public void A_Continue_Without_A_Stop_Of_Ours_Pushes_Nothing()
    {
        // kill -STOP then kill -CONT: JobControl resumes without having given the title back.
        var stack = new TitleStack();
        stack.Push("job");

        Assert.Equal(string.Empty, stack.TakeBack());
        Assert.Equal(Pop, stack.End());
        Assert.Equal(string.Empty, stack.End());
    }

    [Fact]
    public void Exit_While_Stopped_Does_Not_Pop_Twice()
    {
        var stack = new TitleStack();
        stack.Push("job");
        Assert.Equal(Pop, stack.GiveBack());

        Assert.Equal(string.Empty, stack.End());
        Assert.Equal(string.Empty, stack.TakeBack());
    }

    [Fact]
    public void The_Title_Is_Restored_When_Closing_Fails()
    {
        // Given a viewer whose session cannot be saved (the disk is full, say)
        var viewer = new ViewerHarness(title: true, configure: session => session with { Remember = _ => throw new IOException("disk full") });
        viewer.TerminalOutput.Clear();

        // When it closes, the failure goes on up, but the user's title is back first
        try
        {
            Assert.Throws<IOException>(viewer.Program.Dispose);
            Assert.Equal(Pop, viewer.TerminalOutput.ToString());
        }
        finally
        {
            viewer.Program.Root.Dispose();
            viewer.App.Dispose();
        }
    }
}
