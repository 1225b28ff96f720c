using BenchmarkDotNet.Attributes;
using LogViewer.Benchmarks.Corpus;
using LogViewer.Core.Filtering;
using LogViewer.Core.Store;

namespace LogViewer.Benchmarks;

/// <summary>
/// Re-filtering a store of 1,000,000 generated entries through the public <see cref="FilteredView.SetFilterAsync"/>
/// (from the unfiltered view, so each run is a full scan), and one narrowing keystroke ("los" -> "loss").
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 5)]
public class FilterBenchmarks
{
    private LogStore _store = null!;
    private FilteredView _view = null!;
    private FilteredSnapshot _los = null!;
    private RegexFilter _regex = null!;

    [GlobalSetup]
    public void Setup()
    {
        _store = new LogStore();
        foreach (var batch in new CorpusGenerator().Generate(1_000_000).Chunk(1000))
        {
            _store.Add(batch);
        }

        _view = new FilteredView(_store);
        using var los = new FilteredView(_store, new TextFilter("los"));
        _los = los.Current;
        if (!RegexFilter.TryCreate(@"loss=0\.[0-4]\d+ lr=\S+ grad_norm=1\.", ignoreCase: false, out var regex, out var error))
        {
            throw new InvalidOperationException(error);
        }

        _regex = regex!;
    }

    [GlobalCleanup]
    public void Cleanup() => _view.Dispose();

    [Benchmark(Description = "substring re-filter 1M ('checkpoint')")]
    public Task<int> Substring() => Refilter(new TextFilter("checkpoint"));

    [Benchmark(Description = "substring re-filter 1M, common ('loss=')")]
    public Task<int> SubstringCommon() => Refilter(new TextFilter("loss="));

    [Benchmark(Description = "case-insensitive substring 1M ('cuda out of memory')")]
    public Task<int> IgnoreCase() => Refilter(new TextFilter("cuda out of memory", IgnoreCase: true));

    [Benchmark(Description = "regex 1M (NonBacktracking)")]
    public Task<int> Regex() => Refilter(_regex);

    [Benchmark(Description = "narrowing keystroke 'los' -> 'loss'")]
    public int Narrowing() => ChunkScan.Run(new TextFilter("loss"), _los, CancellationToken.None).Sum(state => state.MatchCount);

    private async Task<int> Refilter(LogFilter filter)
    {
        await _view.SetFilterAsync(LogFilter.All);
        await _view.SetFilterAsync(filter);
        return _view.Current.Count;
    }
}
