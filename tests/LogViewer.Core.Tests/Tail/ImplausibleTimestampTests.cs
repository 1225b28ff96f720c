using LogViewer.Core.Decoding;
using LogViewer.Core.Model;
using LogViewer.Core.Tail;
using static LogViewer.Core.Tests.Tail.TailHarness;

namespace LogViewer.Core.Tests.Tail;

/// <summary>
/// Issue #14, rows "one entry timestamped a day (or centuries) in the future" and "an entry older than the window
/// repeated in every answer (or timestamp -5)": over real loopback HTTP on virtual time, a server that adds one such
/// entry to every answer costs only that entry. The tail keeps going (the server refuses a start after its now with a
/// 400, as the API does, so a cursor carried past now would end the tail), every good line arrives exactly once, and
/// the dropped entry is reported by kind, at most once per lookback.
/// </summary>
public sealed class ImplausibleTimestampTests
{
    private static readonly TimeSpan Tailed = TimeSpan.FromMinutes(4);

    public static TheoryData<string, long, string> Hostile => new()
    {
        { "a day in the future", Nanos.FromDateTimeOffset(Start.AddDays(1)), TimestampScreen.InTheFuture },
        { "centuries in the future", Nanos.FromDateTimeOffset(new DateTimeOffset(2250, 1, 1, 0, 0, 0, TimeSpan.Zero)), TimestampScreen.InTheFuture },
        { "older than the window", Nanos.FromDateTimeOffset(Start.AddHours(-2)), TimestampScreen.BeforeWindow },
        { "timestamp -5", -5, LogV1Decoder.NegativeTimestamp },
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public async Task An_Entry_Outside_The_Window_In_Every_Answer_Is_Dropped_Counted_And_Never_Stops_The_Tail(string row, long timestamp, string reason)
    {
        // Given a deployment writing a line every 2 s, and a server adding the hostile entry to every answer
        await using var tail = await LoopbackTail.StartAsync();
        var good = GoodLines(tail);
        var hostile = new LogEntry(timestamp, $"hostile: {row}", "r1", null, LogLevel.Info);
        tail.Tamper = (_, entries) => [.. entries, hostile];

        // When tailing for four minutes
        tail.Run(new TailOptions());
        await tail.UntilAsync(() => tail.Scheduler.Now > Start + Tailed + TimeSpan.FromSeconds(5), "four minutes of tailing");

        // Then every good line arrived exactly once, in order, and the hostile entry never did
        Assert.Equal(good.Select(e => e.Message), tail.Emitted.Where(e => e.TimestampNanos <= Nanos.FromDateTimeOffset(Start + Tailed)).Select(e => e.Message));
        Assert.DoesNotContain(tail.Emitted, e => e == hostile);

        // And the tail kept going: no 400, no fatal status, polls every 2 s to the end
        Assert.DoesNotContain(tail.Statuses, s => s.State is TailState.Fatal or TailState.Retrying);
        Assert.Null(tail.Error);

        // And the entry was reported by kind: "1 entry skipped: <reason>", at most once per lookback (60 s). The
        // virtual clock may have run past the four minutes while the last answers travelled, so the bound is taken
        // from how far it got, and the spacing is checked too.
        var said = tail.Warnings.Where(w => w.Message.Contains($"1 entry skipped: {reason}", StringComparison.Ordinal)).ToList();
        var lookbacks = (int)((tail.Scheduler.Now - Start) / new TailOptions().Lookback);
        Assert.InRange(said.Count, 1, lookbacks + 1);
        Assert.All(said.Zip(said.Skip(1)), pair => Assert.True(pair.Second.At - pair.First.At >= new TailOptions().Lookback, $"warned at {pair.First.At:T} and again at {pair.Second.At:T}"));
    }

    [Fact]
    public async Task An_Entry_Minutes_Ahead_Is_Shown_Once_And_Holds_The_Cursor_Near_Now()
    {
        // Given a server whose every answer holds an entry 5 min ahead of its clock: within the allowance for a local
        // clock that is behind, so shown, but the cursor it would set lies past the server's now
        await using var tail = await LoopbackTail.StartAsync();
        var good = GoodLines(tail);
        var ahead = Line(Start.AddMinutes(5), "five minutes ahead");
        tail.Tamper = (query, entries) => query.StartEpochMillis <= ahead.EpochMillis ? [.. entries, ahead] : entries;

        // When tailing for seven minutes, past the entry's time and a lookback beyond it
        tail.Run(new TailOptions());
        await tail.UntilAsync(() => tail.Scheduler.Now > Start.AddMinutes(7), "seven minutes of tailing");

        // Then it arrived exactly once, every good line too, and no request started after the server's now (the
        // server's 400 for that would have ended the tail)
        Assert.Single(tail.Emitted, e => e == ahead);
        Assert.Equal(good.Select(e => e.Message), tail.Emitted.Where(e => e != ahead && e.TimestampNanos <= Nanos.FromDateTimeOffset(Start + Tailed)).Select(e => e.Message));
        Assert.DoesNotContain(tail.Statuses, s => s.State is TailState.Fatal or TailState.Retrying);
        Assert.Null(tail.Error);
    }

    // A line every 2 s from 10 min before the tail starts to four minutes into it, each queryable from its own time.
    private static List<LogEntry> GoodLines(LoopbackTail tail)
    {
        var lines = Enumerable.Range(-300, 420).Select(i => Line(Start.AddSeconds(i * 2), $"good {i}", nanos: 123)).ToList();
        foreach (var line in lines)
        {
            tail.Lines.Add(line, visibleAt: Nanos.ToDateTimeOffset(line.TimestampNanos));
        }

        return lines;
    }
}
