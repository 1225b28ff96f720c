using BenchmarkDotNet.Attributes;
using LogViewer.Benchmarks.Corpus;
using LogViewer.Core.Model;
using LogViewer.Core.Replay;
using LogViewer.Core.Store;

namespace LogViewer.Benchmarks;

/// <summary>
/// Ingest of 1,000,000 entries: API pages of 1000 LogV1 entries (each overlapping the previous page by 50, as a
/// poll's look-back does) parsed by the API client's parser, de-duplicated by the tail engine's identities and
/// appended to a store; and a jsonl replay file loaded into a store.
/// Times are per entry (OperationsPerInvoke), so entries/s = 1 s / Mean.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 5)]
public class IngestBenchmarks
{
    private const int Entries = 1_000_000;
    private const int PageSize = 1000;
    private const int Overlap = 50;
    private byte[][] _pages = [];
    private byte[] _jsonl = [];

    /// <summary>Share of lines that arrive late (up to 2 s older than the newest): each forces chunk rebuilds.</summary>
    [Params(0.0, 0.01)]
    public double LateFraction { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var entries = new CorpusGenerator(lateFraction: LateFraction).Generate(Entries).ToList();
        _pages = Pages(entries);
        using var jsonl = new MemoryStream();
        LogV1Writer.WriteJsonl(jsonl, entries);
        _jsonl = jsonl.ToArray();
    }

    /// <summary>
    /// API pages over the corpus: 1000 entries each, sorted by timestamp as the API sends them, each starting
    /// 50 entries before the previous page ended (the overlap a poll's look-back re-reads).
    /// </summary>
    internal static byte[][] Pages(List<LogEntry> entries)
    {
        var pages = new List<byte[]>();
        for (var start = 0; start < entries.Count; start += PageSize - Overlap)
        {
            pages.Add(LogV1Writer.Page(entries.Skip(start).Take(PageSize).OrderBy(entry => entry.TimestampNanos)));
            if (start + PageSize >= entries.Count)
            {
                break;
            }
        }

        return [.. pages];
    }

    [Benchmark(OperationsPerInvoke = Entries, Description = "ingest: parse page + dedupe + append (per entry)")]
    public int IngestPages()
    {
        var store = new LogStore();
        var ingest = new PageIngest(store);
        foreach (var page in _pages)
        {
            ingest.Ingest(page);
        }

        return store.Current.Count;
    }

    [Benchmark(OperationsPerInvoke = Entries, Description = "replay: load jsonl into store (per entry)")]
    public async Task<long> LoadJsonl()
    {
        var store = new LogStore();
        using var stream = new MemoryStream(_jsonl, writable: false);
        var result = await JsonlLogReader.LoadAsync(stream, store, null, CancellationToken.None);
        return result.Loaded;
    }
}
