using LogViewer.Core.Model;
using LogViewer.Core.Tail;
using Terminal.Gui.Input;

namespace LogViewer.Tui.Tests.Lifecycle;

public sealed class LifecycleScreenTests
{
    private const string Oom = "Training job exited with code 1: torch.OutOfMemoryError: CUDA out of memory.";

    // The screen's rows without the empty string after its last newline: [^1] is the status bar, [^2] the line above.
    private static string[] Screen(ViewerHarness viewer) => [.. viewer.Rows.Reverse().SkipWhile(r => r.Length == 0).Reverse()];

    private static DeploymentInfo Deployment(string status, int replicas) =>
        new("d1", "m1", "deployment-3", status, replicas, IsProduction: true, IsDevelopment: false, "production", null);

    [Fact]
    public void Deployment_Status_Changes_Reach_The_Status_Bar_And_Explain_An_Empty_Pane()
    {
        // Given a viewer with no lines yet, told the deployment is waking up
        using var viewer = new ViewerHarness(width: 120);
        viewer.Status(new TailStatus(TailState.Live, Entries.Start, "Live.") { Deployment = Deployment("WAKING_UP", 0) });
        var waking = Screen(viewer);

        // When the next status says it is active with one replica
        viewer.Status(new TailStatus(TailState.Live, Entries.Start.AddSeconds(30), "Deployment deployment-3 is active, 1 replica.") { Deployment = Deployment("ACTIVE", 1) });
        var active = Screen(viewer);

        // Then the status bar showed each state and count, and the empty pane and the line above the bar said why
        Assert.Contains("WAKING_UP, 0 replicas", waking[^1], StringComparison.Ordinal);
        Assert.Contains(waking, r => r.Contains("no lines: the deployment is waking up (0 replicas)", StringComparison.Ordinal));
        Assert.StartsWith("deployment deployment-3 is waking up (0 replicas): lines start when a replica is ready", waking[^2], StringComparison.Ordinal);
        Assert.Contains("ACTIVE, 1 replica", active[^1], StringComparison.Ordinal);
        Assert.DoesNotContain("deployment deployment-3 is", active[^2], StringComparison.Ordinal);
        Assert.Contains(active, r => r.Contains("waiting for log lines...", StringComparison.Ordinal));
    }

    [Fact]
    public void A_Scaled_To_Zero_Deployment_Says_So_In_Words()
    {
        using var viewer = new ViewerHarness(width: 140);

        viewer.Status(new TailStatus(TailState.Live, Entries.Start, "Live.") { Deployment = Deployment("SCALED_TO_ZERO", 0) });

        Assert.Contains(Screen(viewer), r => r.Contains("no lines: the deployment is scaled to zero: no replicas, no new lines until a request wakes it", StringComparison.Ordinal));
        Assert.Contains("SCALED_TO_ZERO, 0 replicas", Screen(viewer)[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void A_Failed_Job_That_Stopped_Shows_Its_Error_And_R_Resumes()
    {
        // Given a job tail that stopped after the job failed at 20:00:41 (UTC viewer)
        var control = new TailControl();
        using var viewer = new ViewerHarness(width: 160, utc: true, control: control);
        viewer.Feed(Entries.At(0, "step 1"));
        viewer.Status(new TailStatus(TailState.Stopped, Entries.Start.AddSeconds(50), $"Training job j1 FAILED at 20:00:41Z: {Oom}; stopped polling.")
        {
            JobStatus = "FAILED",
            JobError = Oom,
            JobEndedAt = new DateTimeOffset(2026, 11, 22, 20, 0, 41, TimeSpan.Zero),
        });
        var stopped = Screen(viewer);

        // When R is pressed
        viewer.Press(new Key('R'));

        // Then the error and the stop were on screen, the line stayed browsable, and R asked the tail to resume
        Assert.StartsWith($"job FAILED at 20:00:41: {Oom}; stopped polling (R resumes)", stopped[^2], StringComparison.Ordinal);
        Assert.Contains("job FAILED, stopped polling (R resumes)", stopped[^1], StringComparison.Ordinal);
        Assert.Contains(stopped, r => r.Contains("step 1", StringComparison.Ordinal));
        Assert.True(control.ResumeRequested);
        Assert.StartsWith("resumed: polling again", Screen(viewer)[^2], StringComparison.Ordinal);
    }

    [Fact]
    public void P_Outside_The_Picker_Says_How_To_Get_One_And_Inside_Asks_To_Go_Back()
    {
        using var alone = new ViewerHarness();
        using var fromPicker = new ViewerHarness(canGoBack: true);

        alone.Press(new Key('p'));
        fromPicker.Press(new Key('p'));

        Assert.StartsWith("p returns to the picker when logviewer was started without a target", Screen(alone)[^2], StringComparison.Ordinal);
        Assert.False(alone.Program.BackRequested);
        Assert.True(fromPicker.Program.BackRequested);
    }
}
