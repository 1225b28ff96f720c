using System.Reactive.Linq;
using System.Reactive.Threading.Tasks;
using LogViewer.Arguments;
using LogViewer.Core.Tail;
using LogViewer.Output;

namespace LogViewer.Tests.Commands;

/// <summary>
/// The TUI's window for a training job: from the job's <c>created_at</c> unless <c>--since</c> or <c>--from</c> says
/// otherwise, read newest first (the embedded simulator's demo job was created 2 h 3 min ago).
/// </summary>
public sealed class TrainingWindowTests : IDisposable
{
    private readonly HistoryRecordingTui _tui = new();
    private readonly CliHarness _cli;

    public TrainingWindowTests() => _cli = new CliHarness { Tui = _tui };

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task A_Training_Job_In_The_Tui_Is_Read_From_The_Jobs_Creation()
    {
        var started = DateTimeOffset.UtcNow;
        var run = await _cli.RunAsync("demo", "--output", "tui");

        Assert.Equal(0, run.ExitCode);
        var history = _tui.History ?? throw new InvalidOperationException("no history figures reached the TUI");
        Assert.InRange(started - DateTimeOffset.FromUnixTimeMilliseconds(history.FromEpochMillis), TimeSpan.FromHours(2), TimeSpan.FromHours(2.2));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_Window_Asked_For_Wins(bool withFrom)
    {
        var started = DateTimeOffset.UtcNow;
        var run = withFrom
            ? await _cli.RunAsync("demo", "--output", "tui", "--from", started.AddMinutes(-10).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture))
            : await _cli.RunAsync("demo", "--output", "tui", "--since", "10m");

        Assert.Equal(0, run.ExitCode);
        var history = _tui.History ?? throw new InvalidOperationException("no history figures reached the TUI");
        Assert.InRange(started - DateTimeOffset.FromUnixTimeMilliseconds(history.FromEpochMillis), TimeSpan.FromMinutes(9), TimeSpan.FromMinutes(11));
    }

    /// <summary>Watches the tail until its first status with back-fill figures, then returns.</summary>
    private sealed class HistoryRecordingTui : IOutputMode
    {
        public HistoryProgress? History { get; private set; }

        public async Task<int> RunAsync(IObservable<TailEvent> events, ViewerContext context, CancellationToken cancellationToken)
        {
            var status = await events.OfType<TailStatus>().FirstAsync(s => s.History is not null).Timeout(TimeSpan.FromSeconds(60)).ToTask(cancellationToken);
            History = status.History;
            return 0;
        }

        public Task<int> ShowAsync(LoadedLog log, DisplaySettings display, CancellationToken cancellationToken) => Task.FromResult(0);
    }
}
