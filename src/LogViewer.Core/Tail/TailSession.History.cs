using LogViewer.Core.Model;

namespace LogViewer.Core.Tail;

/// <summary>
/// The newest-first start (<see cref="TailOptions.NewestFirst"/>): one descending page shows the range's end at once,
/// then live polling begins and the rest of the range back-fills, newest to oldest, a page at a time in the waits
/// between polls. Each millisecond has one owner: the back-fill reads up to its first page's oldest millisecond and the
/// live polls from their lookback, and where the two meet <see cref="HistoryIdentities"/> makes the count exact.
/// </summary>
internal sealed partial class TailSession
{
    private readonly HistoryPager _historyPager;
    private readonly HistoryIdentities _historyIdentities;
    private IAsyncEnumerator<HistoryRead>? _history;
    private long? _historyNextEndMillis;
    private long _liveFromNanos = long.MaxValue;
    private DateTimeOffset? _lastLivePollAt;

    private bool HistoryFilling => _history is not null;

    /// <summary>
    /// Where the live memory must keep its identities from: where the polls started, for as long as the back-fill can
    /// still read there (it then needs them to recognise a line a poll brought); otherwise no hold.
    /// </summary>
    private long LiveMemoryHeldFromNanos =>
        HistoryFilling && _historyNextEndMillis is { } end && Nanos.FromEpochMillis(end + 1) > _liveFromNanos ? _liveFromNanos : long.MaxValue;

    private async Task StartHistoryAsync(long from, long to, CancellationToken cancellationToken)
    {
        _status.History = new HistoryProgress(from, to, to) { ClosedRange = !_options.Follow };
        _history = _historyPager.ReadAsync(from, to, openEnded: _options.Follow, cancellationToken).GetAsyncEnumerator(cancellationToken);
        await ReadHistoryPageAsync(cancellationToken).ConfigureAwait(false);
        if (!_options.Follow && HistoryFilling)
        {
            // A closed range has no live end to be behind: it is being read, from its end.
            _status.Report(TailState.CatchingUp, $"Reading {Clock(from)}-{Clock(to)} newest first.");
        }
    }

    private async Task ReadAllHistoryAsync(CancellationToken cancellationToken)
    {
        while (HistoryFilling)
        {
            await ReadHistoryPageAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task ReadHistoryPageAsync(CancellationToken cancellationToken)
    {
        var history = _history!;
        if (!await history.MoveNextAsync().ConfigureAwait(false))
        {
            await FinishHistoryAsync(stoppedAtLimit: false).ConfigureAwait(false);
            return;
        }

        var (read, reread, nextEnd) = history.Current;
        WarnAboutDecoding(read.Problems);
        WarnAboutCrowding(read);
        var first = _liveFromNanos == long.MaxValue;
        if (first)
        {
            // The first page is the newest: the live polls start from it, looking back as usual.
            Cursor.Observe(read.Entries, Nanos.FromDateTimeOffset(_clock.GetUtcNow()));
            _liveFromNanos = Nanos.FromEpochMillis(Cursor.NextPollStartMillis) - TimestampScreen.ToleranceNanos;
        }

        // The first page is all the live memory knows yet; later pages tell it what lies where the polls read.
        var fresh = _historyIdentities.Admit(read.Entries, reread, first ? long.MinValue : _liveFromNanos);
        _historyNextEndMillis = nextEnd;
        EmitBatch(fresh);

        var before = _status.History!;
        var progress = before with { BackToEpochMillis = nextEnd is { } end ? end + 1 : before.FromEpochMillis, Lines = before.Lines + fresh.Count };
        _status.History = progress;
        if (nextEnd is null)
        {
            await FinishHistoryAsync(stoppedAtLimit: false).ConfigureAwait(false);
        }
        else if (_options.HistoryLineLimit is { } limit && progress.Lines >= limit)
        {
            await FinishHistoryAsync(stoppedAtLimit: true).ConfigureAwait(false);
        }
        else if (!first)
        {
            ReportHistory($"History: read back to {Clock(progress.BackToEpochMillis)} ({progress.Fraction:P0}).");
        }
    }

    private async Task FinishHistoryAsync(bool stoppedAtLimit)
    {
        await StopHistoryAsync().ConfigureAwait(false);
        var progress = _status.History!;
        _status.History = stoppedAtLimit
            ? progress with { StoppedAtLimit = true }
            : progress with { Complete = true, BackToEpochMillis = progress.FromEpochMillis };
        if (_status.Current is not (null or TailState.Connecting))
        {
            ReportHistory(stoppedAtLimit
                ? $"History: stopped at {Clock(progress.BackToEpochMillis)} after {progress.Lines:N0} lines (the viewer holds at most {_options.HistoryLineLimit:N0})."
                : $"History: every line since {Clock(progress.FromEpochMillis)} is read.");
        }
    }

    // A page read after a retry ends the retrying: the tail is live again (or, for a closed range, still reading).
    private void ReportHistory(string message)
    {
        if (_status.Current is TailState.Retrying)
        {
            _status.Report(_options.Follow ? TailState.Live : TailState.CatchingUp, message, s => s with { LastPollAt = _lastLivePollAt });
        }
        else
        {
            _status.Republish(message);
        }
    }

    private async Task StopHistoryAsync()
    {
        if (_history is { } history)
        {
            _history = null;
            await history.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static string Clock(long epochMillis) => StatusReporter.Clock(DateTimeOffset.FromUnixTimeMilliseconds(epochMillis));
}
