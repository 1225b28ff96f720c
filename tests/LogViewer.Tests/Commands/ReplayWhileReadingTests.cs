using System.Diagnostics;
using System.Reactive.Linq;
using System.Reactive.Threading.Tasks;
using System.Text;
using LogViewer.Arguments;
using LogViewer.Core.Tail;
using LogViewer.Output;

namespace LogViewer.Tests.Commands;

/// <summary>
/// <c>replay FILE</c> in the TUI opens once the first batch of lines is in and reads the rest behind it, saying how
/// far in the status. The file here is a named pipe that the test writes in two parts, so "before the rest came" is
/// a fact of the test, not a race.
/// </summary>
public sealed class ReplayWhileReadingTests : IDisposable
{
    private const int FirstPart = 70_000;
    private const int SecondPart = 30_000;
    private readonly OpeningTui _tui = new();
    private readonly CliHarness _cli;

    public ReplayWhileReadingTests() => _cli = new CliHarness { Tui = _tui };

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task The_Viewer_Opens_On_The_First_Batch_And_The_Rest_Arrives_Behind_It()
    {
        // Given a file whose first 70,000 lines are written now and whose other 30,000 wait
        var path = Path.Combine(_cli.Home, "big.jsonl");
        using (var mkfifo = Process.Start("mkfifo", path))
        {
            await mkfifo.WaitForExitAsync();
        }

        // (the pipe is written on a pool thread: opening it blocks until the replay opens its end)
        var writeRest = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var writing = Task.Run(async () =>
        {
            await using var writer = new FileStream(path, FileMode.Open, FileAccess.Write);
            await writer.WriteAsync(Lines(0, FirstPart));
            await writer.FlushAsync();
            await writeRest.Task;
            await writer.WriteAsync(Lines(FirstPart, SecondPart));
        });
        var run = Task.Run(() => _cli.RunAsync("replay", path, "--output", "tui"));

        // When the viewer opens, it holds the first batch and is told the read goes on
        var opened = await _tui.Opened.Task.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.NotNull(opened.Reading);
        Assert.InRange(opened.Store.Current.Count, 1, FirstPart);
        var first = await opened.Reading.OfType<TailStatus>().FirstAsync().ToTask().WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(TailState.CatchingUp, first.State);
        Assert.StartsWith($"reading {path}", first.Activity, StringComparison.Ordinal);

        // And the rest of the file comes after it opened
        writeRest.SetResult();
        await writing.WaitAsync(TimeSpan.FromSeconds(60));

        // Then the read ends with the summary, and the viewer holds every line in order
        var ended = await (await _tui.Opened.Task).Reading!.OfType<TailStatus>().LastAsync().ToTask().WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(TailState.Ended, ended.State);
        Assert.Equal($"replayed {FirstPart + SecondPart} of {FirstPart + SecondPart} lines from {path}", ended.Message);
        _tui.Close.SetResult();
        Assert.Equal(0, (await run.WaitAsync(TimeSpan.FromSeconds(60))).ExitCode);
        var held = (await _tui.Opened.Task).Store.Current;
        Assert.Equal(FirstPart + SecondPart, held.Count);
        Assert.Equal("line 0", held.MessageAt(0));
        Assert.Equal("line 99999", held.MessageAt(held.Count - 1));
    }

    [Fact]
    public async Task A_File_Read_Whole_In_One_Batch_Opens_As_Before()
    {
        var path = Path.Combine(_cli.Home, "small.jsonl");
        await File.WriteAllBytesAsync(path, Lines(0, 500));
        _tui.Close.SetResult();

        var run = await _cli.RunAsync("replay", path, "--output", "tui");

        Assert.Equal(0, run.ExitCode);
        var opened = (await _tui.Opened.Task);
        Assert.Null(opened.Reading);
        Assert.Equal(500, opened.Store.Current.Count);
        Assert.Equal($"replayed 500 of 500 lines from {path}", opened.Ended.Message);
    }

    private static byte[] Lines(int from, int count)
    {
        var text = new StringBuilder();
        for (var i = from; i < from + count; i++)
        {
            text.Append("{\"timestamp\":\"").Append(1_767_225_600_000_000_000L + (i * 1_000_000L)).Append("\",\"message\":\"line ").Append(i)
                .Append("\",\"replica\":\"r1\",\"request_id\":null,\"level\":\"INFO\"}\n");
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>Takes the TUI's place: says what it was given, and stays open until the test closes it.</summary>
    private sealed class OpeningTui : IOutputMode
    {
        public TaskCompletionSource<LoadedLog> Opened { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Close { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task<int> RunAsync(IObservable<TailEvent> events, ViewerContext context, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("a replay shows a log, it does not tail one");

        public async Task<int> ShowAsync(LoadedLog log, DisplaySettings display, CancellationToken cancellationToken)
        {
            Opened.SetResult(log);
            await Close.Task;
            return 0;
        }
    }
}
