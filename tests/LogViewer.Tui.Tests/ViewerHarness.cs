using System.Reactive.Concurrency;
using System.Reactive.Subjects;
using LogViewer.Core.Filtering;
using LogViewer.Core.Model;
using LogViewer.Core.Store;
using LogViewer.Core.Tail;
using LogViewer.Tui.App;
using LogViewer.Tui.Session;
using LogViewer.Tui.State;
using Terminal.Gui.App;
using Terminal.Gui.Drawing;
using Terminal.Gui.Drivers;
using Terminal.Gui.Input;

namespace LogViewer.Tui.Tests;

/// <summary>
/// The real viewer in a headless terminal: events go in through a subject, time is virtual, and everything runs
/// on the test thread (immediate schedulers), so screens are deterministic.
/// </summary>
internal sealed class ViewerHarness : IDisposable
{
    private readonly SessionToken? _token;

    public ViewerHarness(int width = 80, int height = 24, string? initialFilter = null, bool utc = false, int maxLines = 1000, bool sixteenColours = false,
        bool mouse = true, LogStore? store = null, LogFilter? baseFilter = null, TailControl? control = null, bool canGoBack = false,
        bool title = false, NotifyMode notify = NotifyMode.Never, TerminalStyle? terminalStyle = null, Func<TuiSession, TuiSession>? configure = null)
    {
        Time = new ManualTimeProvider(Entries.Start.AddMinutes(1));
        App = Application.Create().Init(DriverRegistry.Names.ANSI);
        App.Driver!.SetScreenSize(width, height);
        App.Driver.Force16Colors = sixteenColours;
        var schedulers = new ViewerSchedulers(ImmediateScheduler.Instance, Clock, ImmediateScheduler.Instance, ImmediateScheduler.Instance);
        var session = new TuiSession("model m1 / deployment d1", Events, maxLines, utc, initialFilter)
        {
            TimeProvider = Time, Mouse = mouse, Store = store, BaseFilter = baseFilter, Control = control, CanGoBack = canGoBack,
            SetsTitle = title, Notify = notify, TerminalStyle = terminalStyle ?? TerminalStyle.Plain,
        };
        Program = new ViewerProgram(App, configure?.Invoke(session) ?? session, schedulers, text => TerminalOutput.Append(text));
        _token = App.Begin(Program.Root);
        Program.Start();
        Draw();
    }

    public Subject<TailEvent> Events { get; } = new();

    /// <summary>What the viewer wrote to the terminal outside of drawing (the OSC 52 clipboard sequence).</summary>
    public System.Text.StringBuilder TerminalOutput { get; } = new();

    public HistoricalScheduler Clock { get; } = new(Entries.Start);

    public ManualTimeProvider Time { get; }

    public IApplication App { get; }

    public ViewerProgram Program { get; }

    public string Screen => App.Driver!.ToString()!;

    public string[] Rows => Screen.Split('\n');

    /// <summary>Sends a batch and lets the coalescing interval pass so the screen catches up.</summary>
    public void Feed(params LogEntry[] entries) => Feed(entries, lateCount: 0);

    public void Feed(LogEntry[] entries, int lateCount)
    {
        Events.OnNext(new TailBatch(entries, lateCount));
        Settle();
    }

    public void Status(TailStatus status)
    {
        Events.OnNext(status);
        Settle();
    }

    /// <summary>Lets the coalescing interval pass so the screen catches up (re-filters run at once, on the test thread).</summary>
    public void Settle()
    {
        Clock.AdvanceBy(ViewerProgram.RefreshInterval);
        Draw();
    }

    /// <summary>Sends a batch and lets the coalescing interval pass, without drawing (to see what asks for a redraw).</summary>
    public void Deliver(params LogEntry[] entries)
    {
        Events.OnNext(new TailBatch(entries, 0));
        Clock.AdvanceBy(ViewerProgram.RefreshInterval);
    }

    public void Press(Key key)
    {
        App.Keyboard.RaiseKeyDownEvent(key);
        Settle();
    }

    /// <summary>A mouse event at a screen cell, then the screen catches up.</summary>
    public void Mouse(int x, int y, MouseFlags flags)
    {
        App.Mouse.RaiseMouseEvent(new Mouse { ScreenPosition = new System.Drawing.Point(x, y), Flags = flags });
        Settle();
    }

    /// <summary>A double click as the driver reports it: press, release, press, release, double click.</summary>
    public void DoubleClick(int x, int y)
    {
        foreach (var flags in new[] { MouseFlags.LeftButtonPressed, MouseFlags.LeftButtonReleased, MouseFlags.LeftButtonPressed, MouseFlags.LeftButtonReleased, MouseFlags.LeftButtonDoubleClicked })
        {
            Mouse(x, y, flags);
        }
    }

    /// <summary>The message of the selected row.</summary>
    public string? SelectedMessage => Program.State.Rows.At(Program.State.SelectedRow)?.Message;

    /// <summary>The messages of every row the filters show, oldest first (not only those on screen).</summary>
    public List<string> PaneMessages() => [.. Enumerable.Range(0, Program.State.Rows.Count).Select(i => Program.State.Rows.At(i)!.Value.Message)];

    /// <summary>Opens the prompt, types <paramref name="command"/> and presses Enter.</summary>
    public void Command(string command)
    {
        Press(new Key(':'));
        Type(command);
        Press(Key.Enter);
    }

    public void Type(string text)
    {
        foreach (var c in text)
        {
            Press(new Key(c));
        }
    }

    public void Resize(int width, int height)
    {
        App.Driver!.SetScreenSize(width, height);
        Draw();
    }

    public void Draw() => App.LayoutAndDraw(forceRedraw: true);

    public Cell CellAt(int row, int column) => App.Driver!.Contents![row, column];

    /// <summary>The log pane's rows (right of the sidebar, above the filter line).</summary>
    public string[] PaneRows() => [.. Rows[..^3].Select(r => r.Length > 22 ? r[22..] : r)];

    /// <summary>The screen row holding <paramref name="text"/>, or -1.</summary>
    public int RowOf(string text) => Array.FindIndex(Rows, r => r.Contains(text, StringComparison.Ordinal));

    public void Dispose()
    {
        Program.Dispose();
        if (_token is not null)
        {
            App.End(_token);
        }

        Program.Root.Dispose();
        App.Dispose();
        Events.Dispose();
    }
}
