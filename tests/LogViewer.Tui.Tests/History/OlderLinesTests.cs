using System.Reactive.Subjects;
using LogViewer.Core.Api;
using LogViewer.Core.Model;
using LogViewer.Core.Tail;
using Terminal.Gui.Input;
using Xunit.Abstractions;

namespace LogViewer.Tui.Tests.History;

/// <summary>
/// Scrolling back into history in the viewer: moving above the oldest loaded line reads the page before it, with a
/// row at the top saying so; the reader stays where it was; a full viewer lets the newest lines go and G reads them
/// back in from the cut. The API side (<see cref="OlderHistory"/>) has its own tests; here a list stands in for it.
/// </summary>
public sealed class OlderLinesTests(ITestOutputHelper output)
{
    /// <summary>Lines older than the viewer's, served a page at a time, newest first, as OlderHistory does.</summary>
    private sealed class Archive(IEnumerable<LogEntry> lines, int pageSize = 100)
    {
        private readonly List<LogEntry> _lines = [.. lines.OrderBy(l => l.TimestampNanos)];
        private TaskCompletionSource? _gate;

        public int Reads { get; private set; }

        public Exception? FailNext { get; set; }

        /// <summary>Holds the next reads until <see cref="Release"/>, so the test sees them under way.</summary>
        public void Hold() => _gate = new TaskCompletionSource();

        public void Release() => Interlocked.Exchange(ref _gate, null)?.SetResult();

        public int ReadsAround { get; private set; }

        public async Task<OlderAround> ReadAround(long timeNanos, long? oldestNanos, IReadOnlyList<LogEntry> heldAtOldest, CancellationToken cancellationToken)
        {
            await Task.CompletedTask;
            ReadsAround++;
            var from = _lines.Where(l => l.TimestampNanos >= timeNanos && (oldestNanos is not { } oldest || l.TimestampNanos < oldest)).ToList();
            var page = from.Take(pageSize).ToList();
            return new OlderAround(page, from.Count > pageSize ? page[^1].EpochMillis : null, Floor, Requests: 1);
        }

        public async Task<OlderPage> Read(long? oldestNanos, IReadOnlyList<LogEntry> heldAtOldest, long? downToMillis, IReadOnlyList<LogEntry> heldAtDownTo, CancellationToken cancellationToken)
        {
            if (_gate is { } gate)
            {
                // Continued on the releasing thread (the test's), so the page arrives before Release returns.
                await gate.Task.ConfigureAwait(false);
            }

            Reads++;
            if (FailNext is { } failure)
            {
                FailNext = null;
                throw failure;
            }

            var before = _lines.Where(l => (oldestNanos is not { } oldest || l.TimestampNanos < oldest)
                && (downToMillis is not { } down || (l.EpochMillis >= down && !heldAtDownTo.Contains(l)))).ToList();
            var page = before.Skip(Math.Max(0, before.Count - pageSize)).ToList();
            return new OlderPage(page, Floor, Exhausted: page.Count == before.Count, Requests: 1);
        }

        public long Floor => _lines.Count == 0 ? 0 : _lines[0].EpochMillis;
    }

    private static LogEntry[] Older(int fromSecond, int count) =>
        [.. Enumerable.Range(fromSecond, count).Select(i => Entries.At(i, $"older {i}"))];

    private static ViewerHarness Viewer(Archive archive, int maxLines = 1000, Func<long, IObservable<TailEvent>>? tailFrom = null) =>
        new(width: 140, maxLines: maxLines, configure: s => s with { ReadOlder = archive.Read, ReadAround = archive.ReadAround, TailFrom = tailFrom });

    [Fact]
    public void Moving_Above_The_Oldest_Line_Reads_The_Page_Before_It_And_Keeps_The_Reader_In_Place()
    {
        var archive = new Archive(Older(-1000, 1000));
        using var viewer = Viewer(archive);
        viewer.Feed(Entries.Numbered(0, 30));

        // g goes to the oldest loaded line and the page before it is read: the reader stays where it was
        viewer.Press(new Key('g'));
        output.WriteLine(viewer.Screen);
        Assert.Equal(130, viewer.PaneMessages().Count);
        Assert.Equal("line 0", viewer.SelectedMessage);
        Assert.Contains("line 0", viewer.PaneRows()[0], StringComparison.Ordinal);

        // ...and k goes on into the older lines
        viewer.Press(new Key('k'));
        Assert.Equal("older -1", viewer.SelectedMessage);

        // g reads one more page each time; PgUp moves through what is loaded and, at the top, reads more too
        viewer.Press(new Key('g'));
        Assert.Equal("older -100", viewer.SelectedMessage);
        Assert.Equal(230, viewer.PaneMessages().Count);
        viewer.Press(new Key('g'));
        Assert.Equal((3, 330, "older -200"), (archive.Reads, viewer.PaneMessages().Count, viewer.SelectedMessage));
        while (viewer.Program.State.SelectedRow > 0)
        {
            viewer.Press(Key.PageUp);
        }

        Assert.Equal(3, archive.Reads);
        viewer.Press(Key.PageUp);
        Assert.Equal((4, 430), (archive.Reads, viewer.PaneMessages().Count));
        Assert.Equal("older -300", viewer.SelectedMessage);
    }

    [Fact]
    public void While_The_Page_Is_Read_The_Top_Row_Says_So_Above_The_Oldest_Line()
    {
        var archive = new Archive(Older(-300, 300));
        using var viewer = Viewer(archive);
        viewer.Feed(Entries.Numbered(0, 30));

        archive.Hold();
        viewer.Press(new Key('g'));
        output.WriteLine(viewer.Screen);

        Assert.Equal("line 0", viewer.SelectedMessage);
        Assert.Contains("loading older lines...", viewer.PaneRows()[0], StringComparison.Ordinal);
        Assert.Contains("line 0", viewer.PaneRows()[1], StringComparison.Ordinal);
        // Another move up while it is read asks for nothing more
        viewer.Press(new Key('k'));
        viewer.Press(new Key('g'));
        Assert.Equal(0, archive.Reads);
        Assert.True(viewer.Program.State.Older.Loading);
    }

    [Fact]
    public void When_Nothing_Older_Is_Left_The_Top_Row_Says_Since_When()
    {
        var archive = new Archive(Older(-50, 50));
        using var viewer = Viewer(archive);
        viewer.Feed(Entries.Numbered(0, 10));

        viewer.Press(new Key('g'));
        viewer.Press(new Key('g'));
        output.WriteLine(viewer.Screen);

        Assert.Equal("older -50", viewer.SelectedMessage);
        Assert.Contains("no older lines before 2026-01-01 11:59:10", viewer.PaneRows()[0], StringComparison.Ordinal);
        // ...and asking again reads nothing
        viewer.Press(new Key('k'));
        Assert.Equal(1, archive.Reads);
    }

    [Fact]
    public void A_Failed_Read_Says_Why_In_The_Top_Row_And_The_Next_Move_Up_Tries_Again()
    {
        var archive = new Archive(Older(-50, 50)) { FailNext = new LogApiException(ApiFailureKind.ServerError, "The API answered 503 Service Unavailable.") };
        using var viewer = Viewer(archive);
        viewer.Feed(Entries.Numbered(0, 10));

        viewer.Press(new Key('g'));
        output.WriteLine(viewer.Screen);
        Assert.Contains("could not load older lines: The API answered 503 Service Unavailable (k or g tries again)", viewer.PaneRows()[0], StringComparison.Ordinal);
        Assert.Equal(10, viewer.PaneMessages().Count);

        viewer.Press(new Key('k'));
        Assert.Equal(60, viewer.PaneMessages().Count);
    }

    [Fact]
    public void A_Replayed_File_Has_No_Top_Row_And_Reads_Nothing()
    {
        using var viewer = new ViewerHarness();
        viewer.Feed(Entries.Numbered(0, 10));
        viewer.Press(new Key('g'));
        Assert.DoesNotContain("older lines", viewer.Screen, StringComparison.Ordinal);
        Assert.Contains("line 0", viewer.PaneRows()[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Goto_Far_Before_The_Loaded_Start_Reads_A_Page_There_And_Marks_The_Gap_Which_Fills_When_Moved_Into()
    {
        // Given an hour of older lines, one a second, read 10 at a time
        var archive = new Archive(Older(-3600, 3600), pageSize: 10);
        using var viewer = Viewer(archive, maxLines: 10_000);
        viewer.Feed(Entries.Numbered(0, 10));

        // When going to 11:20, 40 minutes before the loaded start
        viewer.Command("goto 11:20");
        output.WriteLine(viewer.Screen);

        // Then one page was read there and the pane shows 11:20 at the top, under the top row
        Assert.Equal((1, 0), (archive.ReadsAround, archive.Reads));
        Assert.Equal("older -2400", viewer.SelectedMessage);
        Assert.Contains("11:20:00", viewer.PaneRows()[1], StringComparison.Ordinal);
        Assert.Equal(20, viewer.PaneMessages().Count);

        // ...and a row marks the lines not loaded between that page and the loaded range, estimated at its rate
        var rows = viewer.PaneRows();
        Assert.Contains("older -2391", rows[10], StringComparison.Ordinal);
        Assert.Contains("about 2,700 lines not loaded, 2026-01-01 11:20:09 to 2026-01-01 12:00:00 (estimated)", rows[11], StringComparison.Ordinal);
        Assert.Contains("line 0", rows[12], StringComparison.Ordinal);

        // When moving down across the gap row: its newest page is read, between it and the reader
        while (viewer.SelectedMessage != "older -2391")
        {
            viewer.Press(new Key('j'));
        }

        Assert.Equal(0, archive.Reads);
        viewer.Press(new Key('j'));
        output.WriteLine(viewer.Screen);
        Assert.Equal(1, archive.Reads);
        Assert.Equal("line 0", viewer.SelectedMessage);
        rows = viewer.PaneRows();
        var gapRow = Array.FindIndex(rows, r => r.Contains("(estimated)", StringComparison.Ordinal));
        Assert.Contains("about 2,600 lines not loaded, 2026-01-01 11:20:09 to 2026-01-01 11:59:50 (estimated)", rows[gapRow], StringComparison.Ordinal);
        Assert.Contains("older -10", rows[gapRow + 1], StringComparison.Ordinal);

        // ...and :goto into the gap fills it from its top down to the time, each line once
        viewer.Command("goto 11:30");
        output.WriteLine(viewer.Screen);
        Assert.Equal("older -1800", viewer.SelectedMessage);
        var held = viewer.PaneMessages();
        Assert.Equal(held.Distinct().Count(), held.Count);
        Assert.Equal(held.OrderBy(m => m.StartsWith("older", StringComparison.Ordinal) ? int.Parse(m[6..], System.Globalization.CultureInfo.InvariantCulture) : int.Parse(m[5..], System.Globalization.CultureInfo.InvariantCulture)), held);
    }

    [Fact]
    public void Goto_While_The_Window_Is_Still_Back_Filling_Lands_When_It_Is_Done()
    {
        var archive = new Archive(Older(-3600, 3600), pageSize: 10);
        using var viewer = Viewer(archive, maxLines: 10_000);
        var now = viewer.Time.GetUtcNow();
        var from = Entries.Start.AddMinutes(-30).ToUnixTimeMilliseconds();
        viewer.Status(new TailStatus(TailState.Live, now, "Live.") { History = new HistoryProgress(from, now.ToUnixTimeMilliseconds(), Entries.Start.ToUnixTimeMilliseconds()) });
        viewer.Feed(Entries.Numbered(0, 10));

        // :goto an hour back while the window's back-fill reads: nothing is asked yet, the user is told why
        viewer.Command("goto 11:20");
        Assert.Contains("the window is still being read back: going to 2026-01-01 11:20:00 once it is there", viewer.Screen, StringComparison.Ordinal);
        Assert.Equal(0, archive.ReadsAround);

        // When the back-fill is done (short of 11:20), the page there is read and shown
        viewer.Status(new TailStatus(TailState.Live, now, "Live.") { History = new HistoryProgress(from, now.ToUnixTimeMilliseconds(), from) { Complete = true } });
        viewer.Clock.AdvanceBy(TimeSpan.FromSeconds(1));
        viewer.Settle();
        output.WriteLine(viewer.Screen);
        Assert.Equal(1, archive.ReadsAround);
        Assert.Equal("older -2400", viewer.SelectedMessage);
    }

    [Fact]
    public void Reading_Far_Back_In_A_Full_Viewer_Lets_The_Newest_Go_And_G_Reads_Them_Back_From_The_Cut()
    {
        // Given a viewer holding at most 100 lines, full of live lines 0..99 s
        var archive = new Archive(Older(-60, 60));
        long? tailFromMillis = null;
        var again = new Subject<TailEvent>();
        using var viewer = Viewer(archive, maxLines: 100, tailFrom: from =>
        {
            tailFromMillis = from;
            return again;
        });
        viewer.Feed(Entries.Numbered(0, 100));

        // When the user reads back 60 older lines
        viewer.Press(new Key('g'));
        output.WriteLine(viewer.Screen);

        // Then the newest 60 went, not the page read: 60 older and the live lines 0..39 are held
        var held = viewer.PaneMessages();
        Assert.Equal(100, held.Count);
        Assert.Equal("older -60", held[0]);
        Assert.Equal("line 39", held[^1]);
        Assert.Contains("live end not held: G reads it back", viewer.Rows[^2], StringComparison.Ordinal);

        // ...the live tail's new lines are not taken meanwhile
        viewer.Feed(Entries.At(100, "line 100"));
        Assert.DoesNotContain("line 100", viewer.PaneMessages());

        // When G follows again, the tail restarts from the cut (40 s) and what it reads is held again, the
        // old tail's stragglers are not, and the oldest lines make room as usual
        viewer.Press(new Key('G'));
        Assert.Equal(Entries.Start.AddSeconds(40).ToUnixTimeMilliseconds(), tailFromMillis);
        viewer.Feed(Entries.At(101, "stale, from the replaced tail"));
        again.OnNext(new TailBatch(Entries.Numbered(40, 62), 0));
        viewer.Settle();
        output.WriteLine(viewer.Screen);
        held = viewer.PaneMessages();
        Assert.Equal(100, held.Count);
        Assert.Equal("line 101", held[^1]);
        Assert.Equal("line 40", held[^62]);
        Assert.DoesNotContain("stale, from the replaced tail", held);
        Assert.True(viewer.Program.State.Following);
        Assert.DoesNotContain("live end not held", viewer.Rows[^2], StringComparison.Ordinal);
    }
}
