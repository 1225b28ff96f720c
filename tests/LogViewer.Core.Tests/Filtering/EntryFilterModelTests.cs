using LogViewer.Core.Filtering;
using LogViewer.Core.Grouping;
using LogViewer.Core.Model;
using LogViewer.Core.Store;
using static LogViewer.Core.Tests.Store.StoreTestData;

namespace LogViewer.Core.Tests.Filtering;

/// <summary>
/// Views kept up to date batch by batch (tracebacks split across batches, late lines that join and split entries)
/// against an independent model: the held lines grouped from scratch by <see cref="EntryRule"/>, each entry judged whole.
/// </summary>
public sealed class EntryFilterModelTests
{
    private const long Ms = 1_000_000;
    private static readonly string[] Replicas = ["r-a", "r-b", "r-c"];

    private static readonly (LogFilter Filter, Func<IReadOnlyList<LogEntry>, LogEntry, bool> Keeps)[] Filters =
    [
        (new TextFilter("ValueError"), (entry, _) => entry.Any(l => l.Message.Contains("ValueError", StringComparison.Ordinal))),
        (new NotFilter(new TextFilter("line 17")), (entry, _) => !entry.Any(l => l.Message.Contains("line 17", StringComparison.Ordinal))),
        (new MinLevelFilter(LogLevel.Error), (entry, _) => LevelOf(entry) >= LogLevel.Error),
        (new TextFilter("step").And(new ReplicaFilter(["r-a"])), (entry, line) =>
            line.Replica == "r-a" && entry.Any(l => l.Message.Contains("step", StringComparison.Ordinal))),
        (new AnyOfFilter([new TextFilter("main()"), new TextFilter("KeyError")]).And(new NotFilter(new TextFilter("skip"))), (entry, _) =>
            entry.Any(l => l.Message.Contains("main()", StringComparison.Ordinal) || l.Message.Contains("KeyError", StringComparison.Ordinal))
            && !entry.Any(l => l.Message.Contains("skip", StringComparison.Ordinal))),
    ];

    [Fact]
    public async Task Incremental_Views_Equal_Entries_Grouped_From_Scratch_On_Random_Streams()
    {
        // Given: one view per filter over a store fed random batches
        var random = new Random(20261203);
        var store = new LogStore(capacity: 1_000_000);
        var model = new StoreModel(1_000_000);
        var views = Filters.Select(f => new FilteredView(store, f.Filter)).ToList();
        var pending = new List<LogEntry>();
        var newest = 0L;

        for (var batch = 0; batch < 300; batch++)
        {
            // When: a batch arrives: new lines (some tracebacks, cut off at the batch's end) and late lines from earlier
            var entries = new List<LogEntry>(pending);
            pending.Clear();
            var size = random.Next(1, 120);

            // Late lines in some batches only: a batch without them leaves the chunks in place, so a traceback
            // continued from the last batch must be followed without a re-scan.
            var withLate = batch % 3 == 0;
            while (entries.Count < size)
            {
                newest += random.Next(0, 1400) * Ms / 2;
                var lines = RandomEntry(random, newest);
                var cut = random.Next(6) == 0 ? random.Next(1, lines.Count + 1) : lines.Count;
                entries.AddRange(lines.Take(cut));
                pending.AddRange(lines.Skip(cut));
                newest = lines[^1].TimestampNanos;
                if (pending.Count > 0)
                {
                    // The rest of the entry comes with the next batch, in time order after this one.
                    break;
                }
                if (withLate && random.NextDouble() < 0.1 && model.Entries.Count > 0)
                {
                    // A late line of a random kind, somewhere in the last few seconds.
                    var at = Math.Max(0, newest - (random.Next(0, 5000) * Ms));
                    var late = RandomEntry(random, at);
                    entries.Add(late[random.Next(late.Count)]);
                }
            }

            store.Add(entries);
            model.Add(entries);

            // Then: every view shows the lines of the entries the model's filter keeps, with their counts
            var expected = Filters.Select(f => Expected(model.Entries, f.Keeps)).ToList();
            for (var v = 0; v < views.Count; v++)
            {
                var snapshot = views[v].Current;
                Assert.Equal(expected[v], [.. Enumerable.Range(0, snapshot.Count).Select(row => snapshot[row].ToLogEntry())]);
                Assert.Equal(expected[v].Count, snapshot.Counts.Total);
            }
        }

        Assert.True(store.Current.Count > 2 * LogChunk.MaxEntries, "the stream spans several chunks");

        // And: a re-filter of the whole store (in parallel over its chunks) agrees with each view
        using var refiltered = new FilteredView(store);
        foreach (var view in views)
        {
            Assert.True(await refiltered.SetFilterAsync(view.Filter));
            Assert.Equal(view.Current.Count, refiltered.Current.Count);
            Assert.Equal(view.Current.Counts.ByReplica, refiltered.Current.Counts.ByReplica);
            view.Dispose();
        }
    }

    /// <summary>Groups the lines per replica by the rule, as a reader of the log would, and keeps the lines of the entries the filter keeps.</summary>
    private static List<LogEntry> Expected(List<LogEntry> lines, Func<IReadOnlyList<LogEntry>, LogEntry, bool> keeps)
    {
        var entryOf = new int[lines.Count];
        var entries = new List<List<LogEntry>>();
        var open = new Dictionary<string, (int Entry, EntryPhase Phase, long Last)>();
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var kind = EntryRule.Classify(line.Message);
            if (open.TryGetValue(line.Replica!, out var current) && line.TimestampNanos - current.Last <= EntryRule.WindowNanos
                && entries[current.Entry].Count < EntryRule.MaxLines && EntryRule.Continue(current.Phase, kind) is { } phase)
            {
                entries[current.Entry].Add(line);
                open[line.Replica!] = (current.Entry, phase, line.TimestampNanos);
            }
            else
            {
                entries.Add([line]);
                open[line.Replica!] = (entries.Count - 1, EntryRule.Start(kind), line.TimestampNanos);
            }

            entryOf[i] = open[line.Replica!].Entry;
        }

        return [.. lines.Where((line, i) => keeps(entries[entryOf[i]], line))];
    }

    private static LogLevel LevelOf(IReadOnlyList<LogEntry> entry) =>
        entry.Any(l => EntryRule.MakesError(EntryRule.Classify(l.Message))) ? LogLevel.Error : entry.Max(l => l.Level);

    /// <summary>A plain line, an indented continuation, or a traceback (chained now and then), of a random replica.</summary>
    private static List<LogEntry> RandomEntry(Random random, long at)
    {
        var replica = Replicas[random.Next(Replicas.Length)];
        var level = (LogLevel)random.Next(0, 5);
        LogEntry Line(long offset, string message, LogLevel lineLevel = LogLevel.None) => Entry(at + (offset * Ms), message, replica, null, lineLevel);
        switch (random.Next(6))
        {
            case 0:
                string[] errors = ["ValueError: bad shape", "KeyError: 'lr'", "OSError: skip this"];
                List<LogEntry> traceback =
                [
                    Line(0, "Traceback (most recent call last):"), Line(1, "  File \"train.py\", line 17, in main"),
                    Line(2, "    main()"), Line(3, errors[random.Next(errors.Length)], level),
                ];
                if (random.Next(3) == 0)
                {
                    traceback.AddRange([
                        Line(4, ""), Line(5, "During handling of the above exception, another exception occurred:"),
                        Line(6, "Traceback (most recent call last):"), Line(7, "  File \"a.py\", line 3, in g"), Line(8, "RuntimeError: wrapped"),
                    ]);
                }

                return traceback;
            case 1:
                return [Line(0, "request failed:", level), Line(random.Next(0, 1200), "  upstream timed out")];
            default:
                return [Line(0, $"step {random.Next(1000)} loss=0.{random.Next(100)}", level)];
        }
    }
}
