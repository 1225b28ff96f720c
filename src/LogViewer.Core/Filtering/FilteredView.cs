using System.Reactive.Concurrency;
using LogViewer.Core.Store;

namespace LogViewer.Core.Filtering;

/// <summary>
/// The lines of a <see cref="LogStore"/> that a <see cref="LogFilter"/> keeps, kept up to date as the store
/// changes: each store batch costs only its new entries (plus re-scans of chunks rebuilt for late lines), and
/// evicted lines leave the view. <see cref="SetFilterAsync"/> re-filters on the given scheduler (the task pool
/// unless told otherwise; tests pass one they drive), scanning only
/// the current matches when the new filter narrows the old one, and a newer call cancels an older one.
/// Read <see cref="Current"/> from any thread; <see cref="Changed"/> fires (on the writer's or the pool's
/// thread) after each new snapshot.
/// </summary>
public sealed class FilteredView : IDisposable
{
    private readonly Lock _lock = new();
    private readonly LogStore _store;
    private readonly IScheduler _refilterScheduler;
    private readonly CountAccumulator _counts = new();
    private readonly Dictionary<LogChunk, ChunkMatches> _byChunk = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<long, (int Chunk, int Local)> _scannedEntries = [];
    private List<ChunkMatches> _states = [];
    private LogFilter _filter;
    private EntryPredicate? _predicate;
    private FilteredSnapshot _current;
    private CancellationTokenSource? _pending;
    private long _filterGeneration;
    private long _version;
    private int[] _scanBuffer = new int[LogChunk.MaxEntries];
    private bool _disposed;

    public FilteredView(LogStore store, LogFilter? filter = null, IScheduler? refilterScheduler = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
        _refilterScheduler = refilterScheduler ?? TaskPoolScheduler.Default;
        _filter = filter ?? LogFilter.All;
        _predicate = _filter.KeepsAll ? null : _filter.CompileForEntries();

        // Subscribe first: a batch published in between is then caught by one of the two syncs.
        _store.Changed += OnStoreChanged;
        lock (_lock)
        {
            _current = Sync(store.Current);
        }
    }

    /// <summary>The filter of <see cref="Current"/> (a re-filter in progress is not applied yet).</summary>
    public LogFilter Filter => Volatile.Read(ref _current).Filter;

    public FilteredSnapshot Current => Volatile.Read(ref _current);

    public event EventHandler? Changed;

    /// <summary>
    /// Re-filters with <paramref name="filter"/> on the view's scheduler. Completes with <c>true</c> once
    /// <see cref="Current"/> shows the new filter, or <c>false</c> when a newer call superseded this one or
    /// <paramref name="cancellationToken"/> was cancelled (it never throws for either).
    /// </summary>
    public Task<bool> SetFilterAsync(LogFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        CancellationTokenSource source;
        long generation;
        FilteredSnapshot basis;
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);

            // Cancelled here, disposed by its own re-filter when that ends (both under the lock).
            _pending?.Cancel();
            source = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            _pending = source;
            generation = ++_filterGeneration;
            basis = _current;
        }

        var done = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        _refilterScheduler.Schedule(() =>
        {
            try
            {
                done.SetResult(Refilter(filter, basis, generation, source));
            }
#pragma warning disable CA1031 // the failure belongs to the caller's task, not to the scheduler's thread
            catch (Exception error)
#pragma warning restore CA1031
            {
                done.SetException(error);
            }
        });
        return done.Task;
    }

    public void Dispose()
    {
        _store.Changed -= OnStoreChanged;
        lock (_lock)
        {
            _disposed = true;
            _pending?.Cancel();
        }
    }

    private void OnStoreChanged(object? sender, EventArgs e)
    {
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            Volatile.Write(ref _current, Sync(_store.Current));
        }

        Changed?.Invoke(this, EventArgs.Empty);
    }

    private bool Refilter(LogFilter filter, FilteredSnapshot basis, long generation, CancellationTokenSource source)
    {
        var cancellationToken = source.Token;
        try
        {
            var states = ChunkScan.Run(filter, basis, cancellationToken);
            lock (_lock)
            {
                if (generation != _filterGeneration || cancellationToken.IsCancellationRequested || _disposed)
                {
                    return false;
                }

                _filter = filter;
                _predicate = filter.KeepsAll ? null : filter.CompileForEntries();
                _states = states;
                _counts.Clear();
                for (var k = 0; k < states.Count; k++)
                {
                    var state = states[k];
                    CountMatches(state, basis.Store.ChunkBegin(k), state.Scanned, 1);
                    state.CountedFrom = basis.Store.ChunkBegin(k);
                }

                Volatile.Write(ref _current, Sync(_store.Current));
            }

            Changed?.Invoke(this, EventArgs.Empty);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
        finally
        {
            lock (_lock)
            {
                if (_pending == source)
                {
                    _pending = null;
                }

                source.Dispose();
            }
        }
    }

    /// <summary>Brings the match lists up to <paramref name="store"/>: drops gone chunks, scans new entries.</summary>
    private FilteredSnapshot Sync(LogSnapshot store)
    {
        _byChunk.Clear();
        foreach (var state in _states)
        {
            _byChunk[state.Chunk] = state;
        }

        var next = new List<ChunkMatches>(store.ChunkCount);
        for (var k = 0; k < store.ChunkCount; k++)
        {
            var chunk = store.Chunk(k);
            var begin = store.ChunkBegin(k);
            var end = store.ChunkEnd(k);
            if (_byChunk.Remove(chunk, out var state))
            {
                if (begin > state.CountedFrom)
                {
                    CountMatches(state, state.CountedFrom, Math.Min(begin, state.Scanned), -1);
                    state.CountedFrom = begin;
                }
            }
            else
            {
                state = new ChunkMatches(chunk, begin, _predicate is null ? null : [], 0);
            }

            if (end > state.Scanned)
            {
                var from = Math.Max(state.Scanned, begin);
                var found = ChunkScan.Scan(_predicate, chunk, store, from, end, ref _scanBuffer);
                state.Append(_scanBuffer.AsSpan(0, found));
                CountMatches(state, from, end, 1, found);
                state.Scanned = end;
                NoteGroupedLines(chunk, k, from, end);
            }

            next.Add(state);
        }

        ReviseEntries(store, next);

        // Chunks evicted whole or replaced by a rebuild for late lines leave the counts.
        foreach (var gone in _byChunk.Values)
        {
            CountMatches(gone, gone.CountedFrom, gone.Scanned, -1);
        }

        _byChunk.Clear();
        _states = next;
        var counts = _predicate is null ? store.Counts : _counts.Publish(store.ReplicaNames);
        return new FilteredSnapshot(store, _filter, next, counts, ++_version);
    }

    /// <summary>Remembers the grouped entries among the lines just scanned: their other lines may lie outside the scan.</summary>
    private void NoteGroupedLines(LogChunk chunk, int k, int from, int end)
    {
        if (_predicate is not EntryScopedPredicate)
        {
            return;
        }

        for (var local = from; local < end; local++)
        {
            if (chunk.EntryMarkAt(local).InGroup)
            {
                _scannedEntries.TryAdd(chunk.EntryId(local), (k, local));
            }
        }
    }

    /// <summary>
    /// Brings the lines of the entries just scanned in line with their entry's verdict, wherever they are: a line that
    /// continues a traceback in a later batch (or a late line) can make the entry match, or stop matching, after its
    /// first lines were scanned. Lines already right are left alone; the counts follow the lines that change.
    /// </summary>
    private void ReviseEntries(LogSnapshot store, List<ChunkMatches> states)
    {
        if (_predicate is not EntryScopedPredicate predicate || _scannedEntries.Count == 0)
        {
            _scannedEntries.Clear();
            return;
        }

        foreach (var (k, local) in _scannedEntries.Values)
        {
            var verdict = predicate.EntryMatches(store, k, local);
            foreach (var (mk, ml) in predicate.MembersOf(store, k, local))
            {
                var state = states[mk];
                if (ml >= state.Scanned || ml < store.ChunkBegin(mk))
                {
                    continue;
                }

                var chunk = state.Chunk;
                var wanted = verdict && predicate.LineMatches(chunk, store, ml);
                if (state.Contains(ml) == wanted)
                {
                    continue;
                }

                state.Set(ml, wanted);
                if (ml >= state.CountedFrom)
                {
                    _counts.Add(chunk.Level(ml), chunk.ReplicaCode(ml), wanted ? 1 : -1);
                }
            }
        }

        _scannedEntries.Clear();
    }

    /// <summary>Adds <paramref name="delta"/> to the counts for the state's matches with local index in [from, to).</summary>
    private void CountMatches(ChunkMatches state, int from, int to, int delta, int? lastFound = null)
    {
        if (_predicate is null || from >= to)
        {
            return;
        }

        var matches = state.Matches!;
        var end = state.MatchCount;
        var start = lastFound is { } found ? end - found : ChunkMatches.LowerBound(matches, end, from);
        for (var i = start; i < end && matches[i] < to; i++)
        {
            _counts.Add(state.Chunk.Level(matches[i]), state.Chunk.ReplicaCode(matches[i]), delta);
        }
    }
}
