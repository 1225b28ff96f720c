using System.Reactive.Concurrency;
using LogViewer.Core.Api;
using LogViewer.Core.Credentials;
using LogViewer.Simulator;
using LogViewer.Simulator.Hosting;
using LogViewer.Tui.Picker;
using LogViewer.Tui.Session;
using Terminal.Gui.App;
using Terminal.Gui.Drivers;
using Terminal.Gui.Input;

namespace LogViewer.Tui.Tests.Picker;

/// <summary>The picker in a headless terminal, listing the simulated API over loopback with the real HTTP client.</summary>
internal sealed class PickerHarness : IAsyncDisposable
{
    private readonly SessionToken? _token;
    private readonly HttpClient? _http;

    private PickerHarness(SimulatorServer? server, string? key, string? unavailable, int width, int height)
    {
        Server = server;
        App = Application.Create().Init(DriverRegistry.Names.ANSI);
        App.Driver!.SetScreenSize(width, height);
        ITargetDirectory? directory = null;
        if (server is not null)
        {
            _http = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
            directory = new BasetenLogApiClient(_http, new ApiCredential(key ?? server.ApiKey, "BASETEN_API_KEY"));
        }

        var session = new PickerSession(directory, "127.0.0.1", (_, title) => new TuiSession(title, System.Reactive.Linq.Observable.Never<Core.Tail.TailEvent>(), 100, Utc: true))
        {
            Unavailable = unavailable,
            TimeProvider = new UtcClock(),
        };
        Program = new PickerProgram(App, session, ImmediateScheduler.Instance, () => Suspensions++);
        _token = App.Begin(Program.Root);
        Program.Start();
        WaitForListing();
    }

    public SimulatorServer? Server { get; }

    /// <summary>How many times the picker asked to hand the terminal to the shell (Ctrl+Z).</summary>
    public int Suspensions { get; private set; }

    public IApplication App { get; }

    public PickerProgram Program { get; }

    public string[] Rows => App.Driver!.ToString()!.Split('\n');

    public static async Task<PickerHarness> StartAsync(string? key = null, int width = 120, int height = 30, Func<SimulatorOptions, SimulatorOptions>? configure = null)
    {
        var options = new SimulatorOptions { History = TimeSpan.FromMinutes(5), Bursts = false, RateLimitPerSecond = 0 };
        var server = await SimulatorServer.StartAsync(configure?.Invoke(options) ?? options, CancellationToken.None);
        return new PickerHarness(server, key, null, width, height);
    }

    public static PickerHarness WithoutConnection(string why) => new(null, null, why, 120, 30);

    public void Press(Key key)
    {
        App.Keyboard.RaiseKeyDownEvent(key);
        WaitForListing();
    }

    public void Type(string text)
    {
        foreach (var c in text)
        {
            Press(new Key(c));
        }
    }

    public void WaitForListing()
    {
        Assert.True(SpinWait.SpinUntil(() => !Program.State.Loading, TimeSpan.FromSeconds(30)), "the listing did not arrive");
        App.LayoutAndDraw(forceRedraw: true);
    }

    /// <summary>The screen rows showing a picker row (kind column first).</summary>
    public string[] ItemRows => [.. Rows.Skip(3).Where(r => r.StartsWith(" job ", StringComparison.Ordinal) || r.StartsWith(" deployment", StringComparison.Ordinal))];

    public async ValueTask DisposeAsync()
    {
        Program.Dispose();
        if (_token is not null)
        {
            App.End(_token);
        }

        Program.Root.Dispose();
        App.Dispose();
        _http?.Dispose();
        if (Server is not null)
        {
            await Server.DisposeAsync();
        }
    }

    private sealed class UtcClock : TimeProvider
    {
        public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
    }
}
