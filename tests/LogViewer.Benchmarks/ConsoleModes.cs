using System.Diagnostics;
using System.Globalization;
using System.Text;
using LogViewer.Benchmarks.Corpus;
using LogViewer.Core.Filtering;
using LogViewer.Core.Store;

namespace LogViewer.Benchmarks;

/// <summary>Measurements that are not a BenchmarkDotNet loop: memory held by a full store, corpus files.</summary>
internal static class ConsoleModes
{
    /// <summary>Managed bytes held by a store of <paramref name="count"/> entries, against their raw UTF-8 message bytes.</summary>
    public static int Memory(int count)
    {
        var before = Settled();
        var store = new LogStore(count);
        var rawBytes = 0L;
        foreach (var batch in new CorpusGenerator().Generate(count).Chunk(1000))
        {
            rawBytes += batch.Sum(entry => (long)Encoding.UTF8.GetByteCount(entry.Message));
            store.Add(batch);
        }

        var withStore = Settled();
        var unfiltered = new FilteredView(store);
        var withView = Settled();
        var filtered = new FilteredView(store, new TextFilter("loss"));
        var withFiltered = Settled();

        var storeBytes = withStore - before;
        var budget = (1.5 * rawBytes) + (64.0 * count);
        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(inv, $"entries                      {store.Current.Count:N0}"));
        Console.WriteLine(string.Create(inv, $"raw UTF-8 message bytes      {rawBytes:N0} ({rawBytes / (double)count:F1} B/entry)"));
        Console.WriteLine(string.Create(inv, $"store bytes                  {storeBytes:N0} ({storeBytes / (double)count:F1} B/entry)"));
        Console.WriteLine(string.Create(inv, $"store bytes - raw bytes      {(storeBytes - rawBytes) / (double)count:F1} B/entry"));
        Console.WriteLine(string.Create(inv, $"target 1.5 x raw + 64 B/entry {budget:N0} -> store is {storeBytes / budget:P1} of it"));
        Console.WriteLine(string.Create(inv, $"+ unfiltered view            {(withView - withStore) / (double)count:F1} B/entry"));
        Console.WriteLine(string.Create(inv, $"+ view filtered on 'loss'    {(withFiltered - withView) / (double)count:F1} B/entry ({filtered.Current.Count:N0} matches)"));
        GC.KeepAlive(store);
        unfiltered.Dispose();
        filtered.Dispose();
        return 0;
    }

    /// <summary>Writes <paramref name="count"/> generated entries as jsonl (what <c>--output jsonl</c> writes).</summary>
    public static int GenerateJsonl(string path, int count)
    {
        var watch = Stopwatch.StartNew();
        using (var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20))
        {
            LogV1Writer.WriteJsonl(file, new CorpusGenerator().Generate(count));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wrote {count:N0} lines ({new FileInfo(path).Length:N0} bytes) to {path} in {watch.Elapsed.TotalSeconds:F1} s"));
        return 0;
    }

    private static long Settled()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
