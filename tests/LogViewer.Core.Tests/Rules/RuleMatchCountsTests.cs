using LogViewer.Core.Model;
using LogViewer.Core.Rules;
using LogViewer.Core.Store;

namespace LogViewer.Core.Tests.Rules;

public sealed class RuleMatchCountsTests
{
    [Fact]
    public async Task Counts_Follow_Appends_Late_Lines_And_Eviction_Exactly()
    {
        // Given: a bounded store and counts for three patterns, one of them invalid.
        var random = new Random(5);
        const int capacity = 5000;
        var store = new LogStore(capacity);
        using var counts = new RuleMatchCounts(store);
        RulePattern[] patterns = [RulePattern.Parse("nccl"), RulePattern.Parse("/step \\d+/"), RulePattern.Parse("/[bad/")];
        counts.Track(patterns);
        await counts.WhenCountedAsync(CancellationToken.None);
        var held = new List<LogEntry>();
        var newest = 0L;

        for (var batch = 0; batch < 30; batch++)
        {
            // When: a batch arrives, some of it late, and the oldest entries are evicted.
            var entries = Enumerable.Range(0, random.Next(1, 700)).Select(_ =>
            {
                var late = random.NextDouble() < 0.1;
                var timestamp = late ? Math.Max(0, newest - random.Next(0, 3000)) : newest += random.Next(1, 3);
                var message = random.Next(3) switch { 0 => "NCCL INFO ring", 1 => $"step {random.Next(100)} loss", _ => "ok" };
                return new LogEntry(timestamp, message, null, null, LogLevel.Info);
            }).ToList();
            store.Add(entries);
            held = store.Current.Count == 0 ? [] : Enumerable.Range(0, store.Current.Count).Select(i => store.Current.GetRow(i).ToLogEntry()).ToList();

            // Then: each valid pattern's count equals a count over what the store holds; the invalid one has none.
            Assert.Equal(held.Count(e => e.Message.Contains("nccl", StringComparison.OrdinalIgnoreCase)), counts.CountOf(patterns[0]));
            Assert.Equal(held.Count(e => System.Text.RegularExpressions.Regex.IsMatch(e.Message, "step \\d+")), counts.CountOf(patterns[1]));
            Assert.Null(counts.CountOf(patterns[2]));
        }

        Assert.True(store.Current.EvictedCount > 0);
    }

    [Fact]
    public async Task A_Pattern_No_Longer_Tracked_Has_No_Count_And_A_New_One_Starts_From_What_Is_Held()
    {
        var store = new LogStore();
        store.Add([new LogEntry(1, "tqdm 10it/s", null, null, LogLevel.Info), new LogEntry(2, "TQDM", null, null, LogLevel.Info)]);
        using var counts = new RuleMatchCounts(store);
        var tqdm = RulePattern.Parse("tqdm");
        counts.Track([tqdm]);
        await counts.WhenCountedAsync(CancellationToken.None);
        Assert.Equal(2, counts.CountOf(tqdm));

        var exact = RulePattern.Parse("TQDM");
        counts.Track([exact]);
        await counts.WhenCountedAsync(CancellationToken.None);
        Assert.Null(counts.CountOf(tqdm));
        Assert.Equal(1, counts.CountOf(exact));
    }
}
