using System.Reactive.Concurrency;
using LogViewer.Core.Filtering;
using LogViewer.Core.Store;

namespace LogViewer.Core.Rules;

/// <summary>
/// How many held entries each rule's pattern matches (on its own, whatever the other rules do), for the rule panel.
/// Each pattern keeps its own <see cref="FilteredView"/> over the store, so a batch costs only its new entries per
/// pattern, and eviction and late lines are followed exactly; no batch rescans the store. A new pattern's first
/// count is computed on the given scheduler (<see cref="CountOf"/> is <c>null</c> until then). Thread-safe.
/// </summary>
public sealed class RuleMatchCounts : IDisposable
{
    private readonly Lock _lock = new();
    private readonly LogStore _store;
    private readonly IScheduler _scheduler;
    private readonly Dictionary<RulePattern, FilteredView?> _views = [];
    private bool _disposed;

    /// <param name="store">The store whose held entries are counted.</param>
    /// <param name="scheduler">Where a new pattern's first count runs (the task pool unless given).</param>
    public RuleMatchCounts(LogStore store, IScheduler? scheduler = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
        _scheduler = scheduler ?? TaskPoolScheduler.Default;
    }

    /// <summary>A count changed (a first count finished, or entries arrived or left); raised off the UI thread.</summary>
    public event EventHandler? Changed;

    /// <summary>Counts exactly these patterns from now on: new ones start counting, others are dropped.</summary>
    public void Track(IEnumerable<RulePattern> patterns)
    {
        ArgumentNullException.ThrowIfNull(patterns);
        var wanted = patterns.Where(pattern => pattern.Filter is not null).ToHashSet();
        var started = new List<RulePattern>();
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            foreach (var gone in _views.Keys.Where(pattern => !wanted.Contains(pattern)).ToList())
            {
                Drop(_views[gone]);
                _views.Remove(gone);
            }

            foreach (var pattern in wanted.Where(pattern => !_views.ContainsKey(pattern)))
            {
                _views[pattern] = null;
                started.Add(pattern);
            }
        }

        foreach (var pattern in started)
        {
            _scheduler.Schedule(() => Start(pattern));
        }
    }

    /// <summary>Held entries the pattern matches; <c>null</c> while the first count runs or when the pattern is invalid.</summary>
    public int? CountOf(RulePattern pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        lock (_lock)
        {
            return _views.TryGetValue(pattern, out var view) && view is not null ? view.Current.Count : null;
        }
    }

    /// <summary>Completes when every tracked pattern has its first count (tests and the panel's first draw wait on it).</summary>
    public async Task WhenCountedAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            lock (_lock)
            {
                if (_disposed || _views.Values.All(view => view is not null))
                {
                    return;
                }
            }

            await Task.Delay(5, cancellationToken).ConfigureAwait(false);
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _disposed = true;
            foreach (var view in _views.Values)
            {
                Drop(view);
            }

            _views.Clear();
        }
    }

    private void Start(RulePattern pattern)
    {
        // The first scan runs here, off the caller's thread; later batches are counted incrementally by the view.
        var view = new FilteredView(_store, pattern.Filter);
        lock (_lock)
        {
            if (_disposed || !_views.TryGetValue(pattern, out var slot) || slot is not null)
            {
                view.Dispose();
                return;
            }

            _views[pattern] = view;
            view.Changed += OnViewChanged;
        }

        Changed?.Invoke(this, EventArgs.Empty);
    }

    private void Drop(FilteredView? view)
    {
        if (view is not null)
        {
            view.Changed -= OnViewChanged;
            view.Dispose();
        }
    }

    private void OnViewChanged(object? sender, EventArgs e) => Changed?.Invoke(this, EventArgs.Empty);
}
