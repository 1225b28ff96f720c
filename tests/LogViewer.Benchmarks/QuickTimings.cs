using System.Diagnostics;
using System.Globalization;
using LogViewer.Benchmarks.Corpus;
using LogViewer.Core.Filtering;
using LogViewer.Core.Metrics;
using LogViewer.Core.Replay;
using LogViewer.Core.Store;

namespace LogViewer.Benchmarks;

/// <summary>
/// A fast look at the filter timings without BenchmarkDotNet: best of five, wall clock and process CPU time
/// (CPU time is steadier when other builds share the machine). For iterating; the README tables come from BenchmarkDotNet.
/// </summary>
internal static class QuickTimings
{
    public static int Run()
    {
        Ingest(0.01);
        Ingest(0.0);

        var store = new LogStore();
        foreach (var batch in new CorpusGenerator().Generate(1_000_000).Chunk(1000))
        {
            store.Add(batch);
        }

        using var view = new FilteredView(store);
        using var losView = new FilteredView(store, new TextFilter("los"));
        var los = losView.Current;
        RegexFilter.TryCreate(@"loss=0\.[0-4]\d+ lr=\S+ grad_norm=1\.", ignoreCase: false, out var regex, out _);
        (string Name, Func<int> Run)[] cases =
        [
            ("substring 'checkpoint'", () => Refilter(view, new TextFilter("checkpoint"))),
            ("substring 'loss='", () => Refilter(view, new TextFilter("loss="))),
            ("ignore case 'cuda out of memory'", () => Refilter(view, new TextFilter("cuda out of memory", IgnoreCase: true))),
            ("ignore case 'loss'", () => Refilter(view, new TextFilter("LOSS", IgnoreCase: true))),
            ("regex", () => Refilter(view, regex!)),
            ("narrowing los -> loss", () => ChunkScan.Run(new TextFilter("loss"), los, CancellationToken.None).Sum(s => s.MatchCount)),
        ];
        foreach (var (name, run) in cases)
        {
            Time(name, run);
        }

        return 0;
    }

    /// <summary>What the chart's metric index costs: on top of ingest (the TUI's path), and catching up a held store (replay).</summary>
    public static int Metrics()
    {
        var pages = IngestBenchmarks.Pages(new CorpusGenerator(lateFraction: 0.01).Generate(1_000_000).ToList());
        Time("ingest: parse + dedupe + append", () =>
        {
            var store = new LogStore();
            var ingest = new PageIngest(store);
            Array.ForEach(pages, ingest.Ingest);
            return store.Current.Count;
        });
        Time("ingest: ... + metric index", () =>
        {
            var store = new LogStore();
            using var index = new MetricIndex(store);
            var ingest = new PageIngest(store);
            Array.ForEach(pages, ingest.Ingest);
            return (int)index.Keys.Sum(k => k.Lines);
        });
        var held = new LogStore();
        Array.ForEach(pages, new PageIngest(held).Ingest);
        Time("metric index: catch up 1,000,000 held", () =>
        {
            using var index = new MetricIndex(held);
            return (int)index.Keys.Sum(k => k.Lines);
        });
        var chartIndex = new MetricIndex(held);
        Time("metric index: read the loss chart", () => chartIndex.Read("loss") is { } chart ? (int)chart.Lines : 0);
        chartIndex.Dispose();
        return 0;
    }

    /// <summary>Only the ingest timings, at one share of late lines (for iterating on the store's append).</summary>
    public static int IngestOnly(double lateFraction)
    {
        Ingest(lateFraction);
        return 0;
    }

    /// <summary>Only parse + dedupe + append, <paramref name="runs"/> times (for a profiler: nothing else in the samples).</summary>
    public static int PipelineOnly(double lateFraction, int runs)
    {
        var pages = IngestBenchmarks.Pages(new CorpusGenerator(lateFraction: lateFraction).Generate(1_000_000).ToList());
        for (var run = 0; run < runs; run++)
        {
            Time("ingest: parse + dedupe + append", () =>
            {
                var store = new LogStore();
                var ingest = new PageIngest(store);
                Array.ForEach(pages, ingest.Ingest);
                return store.Current.Count;
            });
        }

        return 0;
    }

    private static void Ingest(double lateFraction)
    {
        Console.WriteLine($"late fraction {lateFraction}");
        var pages = IngestBenchmarks.Pages(new CorpusGenerator(lateFraction: lateFraction).Generate(1_000_000).ToList());
        // One PageIngest for all pages: a store per page would count its staging buffers (160 KB each) as parsing.
        var parser = new PageIngest(new LogStore());
        Time("ingest: parse pages", () => pages.Sum(parser.Parse));
        var parsed = pages.Select(PageIngest.Parsed).ToList();
        var fresh = parsed.Select(new PageIngest(new LogStore()).Deduplicate).ToList();
        Time("ingest: dedupe (tail engine) only", () =>
        {
            var ingest = new PageIngest(new LogStore());
            return parsed.Sum(page => ingest.Deduplicate(page).Count);
        });
        Time("ingest: append only", () =>
        {
            var store = new LogStore();
            fresh.ForEach(store.Add);
            return store.Current.Count;
        });
        using var jsonl = new MemoryStream();
        LogV1Writer.WriteJsonl(jsonl, new CorpusGenerator(lateFraction: lateFraction).Generate(1_000_000));
        var jsonlBytes = jsonl.ToArray();
        Time("replay: load jsonl", () =>
        {
            var store = new LogStore();
            using var stream = new MemoryStream(jsonlBytes, writable: false);
            return (int)JsonlLogReader.LoadAsync(stream, store, null, CancellationToken.None).GetAwaiter().GetResult().Loaded;
        });
        Time("ingest: parse + dedupe + append", () =>
        {
            var store = new LogStore();
            var ingest = new PageIngest(store);
            Array.ForEach(pages, ingest.Ingest);
            return store.Current.Count;
        });
        Time("ingest: ... + 1 view on 'loss'", () =>
        {
            var store = new LogStore();
            using var view = new FilteredView(store, new TextFilter("loss"));
            var ingest = new PageIngest(store);
            Array.ForEach(pages, ingest.Ingest);
            return store.Current.Count;
        });
    }

    private static void Time(string name, Func<int> run)
    {
        var bestWall = double.MaxValue;
        var bestCpu = double.MaxValue;
        var result = 0;
        var allocated = 0L;
        var collections = (Gen1: 0, Gen2: 0);
        for (var i = 0; i < 4; i++)
        {
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var bytes = GC.GetTotalAllocatedBytes(precise: true);
            var gen1 = GC.CollectionCount(1);
            var gen2 = GC.CollectionCount(2);
            var watch = Stopwatch.StartNew();
            result = run();
            bestWall = Math.Min(bestWall, watch.Elapsed.TotalMilliseconds);
            bestCpu = Math.Min(bestCpu, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds);

            // Allocation and collections are the same run to run; they tell changes apart when the load blurs times.
            allocated = GC.GetTotalAllocatedBytes(precise: true) - bytes;
            collections = (GC.CollectionCount(1) - gen1, GC.CollectionCount(2) - gen2);
        }

        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{name,-36} wall {bestWall,7:F1} ms  cpu {bestCpu,7:F1} ms  alloc {allocated / 1e6,7:F0} MB  gen1 {collections.Gen1,3} gen2 {collections.Gen2,3}  ({result:N0})"));
    }

    private static int Refilter(FilteredView view, LogFilter filter)
    {
        view.SetFilterAsync(LogFilter.All).GetAwaiter().GetResult();
        view.SetFilterAsync(filter).GetAwaiter().GetResult();
        return view.Current.Count;
    }
}
