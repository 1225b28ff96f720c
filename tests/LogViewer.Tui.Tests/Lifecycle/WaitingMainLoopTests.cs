using LogViewer.Tui.App;
using Terminal.Gui.App;
using Terminal.Gui.Drivers;
using Terminal.Gui.Views;

namespace LogViewer.Tui.Tests.Lifecycle;

/// <summary>
/// The main loop that waits for work instead of running empty iterations: it must keep its pace while the user types
/// or anything needs drawing, and a posted update, input or a due timer must end a wait. The waits here have no time
/// limit, so a test that breaks hangs until the guard instead of passing on a slow machine.
/// </summary>
public sealed class WaitingMainLoopTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(20);
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly Func<int> NoTimer = () => -1;
    private static readonly Func<bool> NothingToDraw = () => false;

    [Fact]
    public void Input_Keeps_The_Loop_At_Its_Pace_For_A_While()
    {
        // Given a loop that has just started (start-up counts as input)
        var clock = new ManualTimeProvider(Start);
        var loop = new WaitingMainLoop(clock, System.Threading.Timeout.InfiniteTimeSpan);

        // Then it does not wait until the active spell has passed, nor after a key
        Assert.False(loop.WaitIfQuiet(NoTimer, NothingToDraw));
        clock.Now += WaitingMainLoop.ActiveFor - TimeSpan.FromMilliseconds(1);
        Assert.False(loop.WaitIfQuiet(NoTimer, NothingToDraw));
        clock.Now += WaitingMainLoop.ActiveFor;
        loop.NotifyInput();
        Assert.False(loop.WaitIfQuiet(NoTimer, NothingToDraw));
        Assert.Equal(0, loop.Waits);
    }

    [Fact]
    public void Work_To_Draw_Or_A_Timer_Due_Now_Keeps_The_Loop_Running()
    {
        var loop = QuietLoop();

        Assert.False(loop.WaitIfQuiet(NoTimer, () => true));
        Assert.False(loop.WaitIfQuiet(() => 0, NothingToDraw));
        Assert.Equal(0, loop.Waits);
    }

    [Fact]
    public async Task A_Quiet_Loop_Waits_Until_Something_Is_Posted()
    {
        // Given a loop past its active spell, with nothing to draw and no timer
        var loop = QuietLoop();

        // When the loop thread asks
        var wait = Task.Factory.StartNew(() => loop.WaitIfQuiet(NoTimer, NothingToDraw), TaskCreationOptions.LongRunning);

        // Then it waits, and a posted update ends the wait
        Assert.True(SpinWait.SpinUntil(() => loop.Waits == 1, Guard), "the loop never waited");
        Assert.False(wait.IsCompleted);
        loop.Signal();
        Assert.True(await wait.WaitAsync(Guard));
    }

    [Fact]
    public async Task Input_Ends_A_Wait()
    {
        var loop = QuietLoop();
        var wait = Task.Factory.StartNew(() => loop.WaitIfQuiet(NoTimer, NothingToDraw), TaskCreationOptions.LongRunning);
        Assert.True(SpinWait.SpinUntil(() => loop.Waits == 1, Guard), "the loop never waited");

        loop.NotifyInput();

        Assert.True(await wait.WaitAsync(Guard));
    }

    [Fact]
    public async Task An_Update_Posted_While_The_Timers_Are_Read_Is_Not_Missed()
    {
        // Given a loop whose timer read sees no timer, while another thread posts an update at that moment
        var loop = QuietLoop();
        int PostWhileReading()
        {
            loop.Signal();
            return -1;
        }

        // Then the wait that follows ends at once instead of sleeping through the update (no limit: it would hang)
        var wait = Task.Factory.StartNew(() => loop.WaitIfQuiet(PostWhileReading, NothingToDraw), TaskCreationOptions.LongRunning);
        Assert.True(await wait.WaitAsync(Guard));
    }

    [Fact]
    public async Task The_Next_Timer_Ends_The_Wait_When_It_Falls_Due()
    {
        // Given no wait limit, a timer due in 30 ms is the only thing that can end the wait
        var loop = QuietLoop();
        var wait = Task.Factory.StartNew(() => loop.WaitIfQuiet(() => 30, NothingToDraw), TaskCreationOptions.LongRunning);

        Assert.True(await wait.WaitAsync(Guard));
        Assert.Equal(1, loop.Waits);
    }

    [Fact]
    public void Views_Needing_Layout_Or_Drawing_Below_The_Top_Count_As_Work()
    {
        // Given a headless application with a label inside a window, drawn once
        using var app = Application.Create().Init(DriverRegistry.Names.ANSI);
        app.Driver!.SetScreenSize(40, 10);
        using var window = new Window();
        var label = new Label { Text = "quiet" };
        window.Add(label);
        var token = app.Begin(window);
        app.LayoutAndDraw();
        Assert.False(WaitingMainLoop.HasWork(app));

        // Then a nested view needing drawing, one needing layout, and a pending clear each count
        label.SetNeedsDraw();
        Assert.True(WaitingMainLoop.HasWork(app));
        app.LayoutAndDraw();
        Assert.False(WaitingMainLoop.HasWork(app));

        label.Width = 20;
        Assert.True(WaitingMainLoop.HasWork(app));
        app.LayoutAndDraw();
        Assert.False(WaitingMainLoop.HasWork(app));

        app.ClearScreenNextIteration = true;
        Assert.True(WaitingMainLoop.HasWork(app));
        app.End(token!);
    }

    [Fact]
    public async Task In_A_Running_Application_The_Loop_Waits_And_An_Invoke_Wakes_It()
    {
        // Given a headless application running a window on its own thread, with the waiting loop attached
        var clock = new ManualTimeProvider(Start);
        var loop = new WaitingMainLoop(clock, System.Threading.Timeout.InfiniteTimeSpan);
        clock.Now += WaitingMainLoop.ActiveFor;
        using var app = Application.Create().Init(DriverRegistry.Names.ANSI);
        app.Driver!.SetScreenSize(40, 10);
        using var attached = loop.Attach(app, input: null);
        using var window = new Window();
        var ran = false;
        var running = Task.Factory.StartNew(() => app.Run(window), TaskCreationOptions.LongRunning);

        // When the loop has drawn and has nothing left to do, it waits (no limit: only a wake-up ends it)
        Assert.True(SpinWait.SpinUntil(() => loop.Waits >= 1, Guard), "the running loop never waited");

        // Then work posted from another thread ends the wait and runs (from the thread that initialised the
        // application, Invoke would run it there and then, as it does on the loop's own thread)
        var poster = new Thread(() => app.Invoke(() =>
        {
            ran = true;
            app.RequestStop();
        }));
        poster.Start();
        poster.Join();
        await running.WaitAsync(Guard);
        Assert.True(ran);
    }

    private static WaitingMainLoop QuietLoop()
    {
        var clock = new ManualTimeProvider(Start);
        var loop = new WaitingMainLoop(clock, System.Threading.Timeout.InfiniteTimeSpan);
        clock.Now += WaitingMainLoop.ActiveFor;
        return loop;
    }
}
