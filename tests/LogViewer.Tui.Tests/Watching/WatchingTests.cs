using LogViewer.Core.Model;
using LogViewer.Core.Tail;
using LogViewer.Tui.State;
using Terminal.Gui.Input;

namespace LogViewer.Tui.Tests.Watching;

/// <summary>
/// The bytes the viewer writes for watching (captured from the program's terminal writer): the title stack and the
/// title, the bell with OSC 9 and OSC 777, tmux's passthrough, and the once-a-minute limit on the statuses' clock.
/// </summary>
public sealed class WatchingTests
{
    private const string Oom = "Training job exited with code 1: torch.OutOfMemoryError: CUDA out of memory.";
    private const string Bel = "\u0007";
    private const string Esc = "\u001b";

    private static TailStatus Job(string status, double seconds, string? error = null) =>
        new(TailState.Live, Entries.Start.AddSeconds(seconds), "Live.")
        {
            JobStatus = status,
            JobError = error,
            JobEndedAt = error is null ? null : Entries.Start.AddSeconds(seconds),
        };

    private static TailStatus Deployment(string status, double seconds) =>
        new(TailState.Live, Entries.Start.AddSeconds(seconds), "Live.")
        {
            Deployment = new DeploymentInfo("d1", "m1", "v7", status, 0, IsProduction: true, IsDevelopment: false, "production", null),
        };

    private static int Count(string text, string part) => text.Split(part).Length - 1;

    [Fact]
    public void The_Title_Is_Saved_Set_To_Target_And_State_On_Change_And_Restored_On_Exit()
    {
        // Given a viewer that sets the title
        var viewer = new ViewerHarness(title: true);

        // When the job runs, then fails, and the viewer is closed
        viewer.Status(Job("RUNNING", 1));
        viewer.Status(Job("RUNNING", 3));
        viewer.Status(Job("FAILED", 5, Oom));
        viewer.Dispose();

        // Then the title was pushed first, set once per change, and popped last
        var written = viewer.TerminalOutput.ToString();
        Assert.Equal(
            $"{Esc}[22;0t{Esc}]2;deployment d1{Bel}{Esc}]2;deployment d1: RUNNING{Bel}{Esc}]2;deployment d1: FAILED{Bel}{Esc}[23;0t",
            written);
    }

    [Fact]
    public void A_Deployment_Title_Uses_Its_Name_And_No_Title_Writes_Nothing()
    {
        var viewer = new ViewerHarness(title: true);
        viewer.Status(Deployment("SCALED_TO_ZERO", 1));
        Assert.EndsWith($"{Esc}]2;v7: SCALED_TO_ZERO{Bel}", viewer.TerminalOutput.ToString(), StringComparison.Ordinal);
        viewer.Dispose();

        var quiet = new ViewerHarness(title: false);
        quiet.Status(Deployment("SCALED_TO_ZERO", 1));
        quiet.Dispose();
        Assert.Equal(string.Empty, quiet.TerminalOutput.ToString());
    }

    [Fact]
    public void A_Job_That_Fails_While_Watched_Rings_Once_With_Osc9_And_Its_Error()
    {
        using var viewer = new ViewerHarness(notify: NotifyMode.End);
        viewer.Status(Job("RUNNING", 1));
        Assert.Equal(string.Empty, viewer.TerminalOutput.ToString());

        viewer.Status(Job("FAILED", 5, Oom));

        Assert.Equal($"{Bel}{Esc}]9;LogViewer: deployment d1: job FAILED at 12:00:05: {Oom}{Bel}", viewer.TerminalOutput.ToString());
    }

    [Fact]
    public void Osc777_Is_Added_Where_Wanted_And_Inside_Tmux_Each_Osc_Is_Wrapped_With_Escs_Doubled()
    {
        using var viewer = new ViewerHarness(notify: NotifyMode.End, terminalStyle: new TerminalStyle(InsideTmux: true, WantsOsc777: true));
        viewer.Status(Job("RUNNING", 1));

        viewer.Status(Job("COMPLETED", 5, "done"));

        var body = "job COMPLETED at 12:00:05: done";
        Assert.Equal(
            $"{Bel}{Esc}Ptmux;{Esc}{Esc}]9;LogViewer: deployment d1: {body}{Bel}{Esc}\\"
            + $"{Esc}Ptmux;{Esc}{Esc}]777;notify;LogViewer: deployment d1;{body}{Bel}{Esc}\\",
            viewer.TerminalOutput.ToString());
    }

    [Fact]
    public void A_Control_Character_From_The_Api_Cannot_End_The_Sequence()
    {
        using var viewer = new ViewerHarness(notify: NotifyMode.End);
        viewer.Status(Job("RUNNING", 1));

        viewer.Status(Job("FAILED", 5, $"bad{Bel}{Esc}]2;pwned{Bel}"));

        var written = viewer.TerminalOutput.ToString();
        Assert.Equal(2, Count(written, Bel));
        Assert.Equal(1, Count(written, Esc));
    }

    [Fact]
    public void A_Deployment_Becoming_Unhealthy_Notifies_At_Most_Once_A_Minute_Per_Cause_On_The_Status_Clock()
    {
        using var viewer = new ViewerHarness(notify: NotifyMode.End);
        viewer.Status(Deployment("ACTIVE", 0));

        // Flapping: unhealthy at 10 s, active, unhealthy again at 40 s (same cause, within the minute), scaled to zero at 50 s (another cause)
        viewer.Status(Deployment("UNHEALTHY", 10));
        viewer.Status(Deployment("ACTIVE", 20));
        viewer.Status(Deployment("UNHEALTHY", 40));
        viewer.Status(Deployment("SCALED_TO_ZERO", 50));
        var inTheFirstMinute = Count(viewer.TerminalOutput.ToString(), "]9;");

        // ...and unhealthy again at 71 s, a minute and a second after the first
        viewer.Status(Deployment("ACTIVE", 60));
        viewer.Status(Deployment("UNHEALTHY", 71));

        Assert.Equal(2, inTheFirstMinute);
        Assert.Equal(3, Count(viewer.TerminalOutput.ToString(), "]9;"));
        Assert.Contains("]9;LogViewer: deployment d1: deployment v7 is unhealthy", viewer.TerminalOutput.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(NotifyMode.Never, 0)]
    [InlineData(NotifyMode.End, 1)]
    [InlineData(NotifyMode.Errors, 1)]
    [InlineData(NotifyMode.Always, 3)]
    public void Notify_Chooses_Which_Changes_Notify(NotifyMode mode, int expected)
    {
        using var viewer = new ViewerHarness(notify: mode);
        viewer.Status(Job("QUEUED", 0));

        viewer.Status(Job("DEPLOYING", 2));
        viewer.Status(Job("RUNNING", 4));
        viewer.Status(Job("STOPPED", 90, "stopped by user"));

        Assert.Equal(expected, Count(viewer.TerminalOutput.ToString(), Bel + Esc + "]9;"));
    }

    [Fact]
    public void Opening_A_Job_That_Already_Ended_Is_Not_News()
    {
        using var viewer = new ViewerHarness(notify: NotifyMode.Always);

        viewer.Status(Job("FAILED", 5, Oom));
        viewer.Press(new Key('j'));

        Assert.Equal(string.Empty, viewer.TerminalOutput.ToString());
    }

    [Theory]
    [InlineData(NotifyMode.Errors, 1)]
    [InlineData(NotifyMode.End, 0)]
    public void With_Notify_Errors_A_Replicas_Error_Surge_Notifies_Once_Naming_It(NotifyMode mode, int expected)
    {
        // Given a viewer at 12:13 that has seen lines since 12:00
        using var viewer = new ViewerHarness(notify: mode);
        viewer.Time.Now = Entries.Start.AddMinutes(13);
        viewer.Feed(Entries.At(0, "start"));

        // When r-beta logs six errors in the minute to 12:12:30, then more
        viewer.Feed([.. Enumerable.Range(0, 6).Select(i => Entries.At(720 + (5 * i), "CUDA error", Core.Model.LogLevel.Error, "r-beta"))]);
        viewer.Feed([.. Enumerable.Range(0, 6).Select(i => Entries.At(760 + i, "CUDA error", Core.Model.LogLevel.Error, "r-beta"))]);

        // Then one notification names the replica (with --notify errors; none with end)
        var written = viewer.TerminalOutput.ToString();
        Assert.Equal(expected, Count(written, "]9;"));
        if (expected > 0)
        {
            Assert.Contains("]9;LogViewer: deployment d1: error surge on replica r-beta: 5 errors in the last minute, 0/min in the 10 minutes before", written, StringComparison.Ordinal);
        }
    }
}
