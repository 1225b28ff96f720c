using LogViewer.Core.Api;
using LogViewer.Core.Model;
using LogViewer.Core.Store;
using LogViewer.Core.Tail;

namespace LogViewer.Benchmarks.Corpus;

/// <summary>
/// The ingest path of a tail, page by page: the API client's page parser, the tail engine's exact
/// de-duplication (forgetting identities 3 s older than the newest, past the corpus lateness of 2 s), and the store.
/// </summary>
internal sealed class PageIngest(LogStore store)
{
    private const long ForgetAfterNanos = 3_000_000_000L;

    private readonly EmittedIdentities _identities = new();
    private long _newest = long.MinValue;

    public int Parse(byte[] page) => LogPageParser.Parse(page).Entries.Count;

    public void Ingest(byte[] page) => store.Add(Deduplicate(LogPageParser.Parse(page).Entries));

    public static IReadOnlyList<LogEntry> Parsed(byte[] page) => LogPageParser.Parse(page).Entries;

    public List<LogEntry> Deduplicate(IReadOnlyList<LogEntry> entries)
    {
        var fresh = _identities.Admit(entries);
        foreach (var entry in fresh)
        {
            _newest = Math.Max(_newest, entry.TimestampNanos);
        }

        _identities.ForgetBefore(_newest - ForgetAfterNanos);
        return fresh;
    }
}
