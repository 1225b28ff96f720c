using LogViewer.Core.Model;

namespace LogViewer.Core.Store;

/// <summary>
/// History loaded on demand, older than what the store holds. The store stays bounded by its capacity, but which end
/// goes depends on where the user reads: lines added with <see cref="AddOlder"/> that push it over capacity shed the
/// newest lines instead of the oldest, so the page the user scrolled up to is kept. The newest are shed in whole
/// milliseconds from <see cref="LogSnapshot.CutNanos"/> on: nothing at or after the cut is held, so a tail started
/// again from the cut's millisecond brings back exactly what was shed (following again, <c>G</c>). Until
/// <see cref="ClearCut"/>, lines added at or after the cut are not held either (counted in
/// <see cref="LogSnapshot.ShedCount"/>): the live tail goes on, and what it brings is read again then; a late line
/// before the cut that overfills the store sheds the newest millisecond too, so the lines being read stay.
/// </summary>
public sealed partial class LogStore
{
    private bool _shedNewest;
    private long? _cutNanos;
    private long _shed;

    /// <summary>Adds lines from before what is held; past capacity the newest lines are shed (see the type's remarks).</summary>
    public void AddOlder(IReadOnlyList<LogEntry> entries)
    {
        _shedNewest = true;
        try
        {
            Add(entries);
        }
        finally
        {
            _shedNewest = false;
        }
    }

    /// <summary>
    /// Stops taking lines after the newest held millisecond (the cut), so that until <see cref="ClearCut"/> the store
    /// makes room by shedding its newest lines: a reader about to add older lines to a full store calls it first, or the
    /// live lines arriving meanwhile would evict the oldest lines the older ones join. No effect when cut already.
    /// </summary>
    public void CutAfterNewest()
    {
        lock (_writeLock)
        {
            if (_cutNanos is null && _count > 0)
            {
                _cutNanos = Nanos.FromEpochMillis(Nanos.ToEpochMillis(_lastTimestamp) + 1);
                Publish();
            }
        }
    }

    /// <summary>
    /// Forgets the cut: the live end is being read again from it, and the oldest lines are evicted again when full.
    /// </summary>
    public void ClearCut()
    {
        lock (_writeLock)
        {
            _cutNanos = null;
            Publish();
        }

        Changed?.Invoke(this, EventArgs.Empty);
    }

    // Called under the write lock by Evict when the batch was older history: drops whole milliseconds from the end
    // until the store fits, and records where the cut is.
    private void ShedNewest()
    {
        var cut = Nanos.FromEpochMillis(Nanos.ToEpochMillis(TimestampAtIndex(Capacity)));
        for (var k = _chunks.Count - 1; k >= 0 && _count > 0; k--)
        {
            var chunk = _chunks[k];
            var begin = k == 0 ? _frontSkip : 0;
            if (chunk.Timestamp(begin) >= cut)
            {
                Shed(chunk, begin, chunk.Count);
                chunk.Seal();
                _chunks.RemoveAt(k);
                if (k == 0)
                {
                    _frontSkip = 0;
                }

                continue;
            }

            var keep = chunk.LowerBound(cut, begin, chunk.Count);
            if (keep < chunk.Count)
            {
                // Chunks are append-only and published snapshots may hold this one: the kept prefix goes to a copy.
                Shed(chunk, keep, chunk.Count);
                chunk.Seal();
                var kept = new LogChunk(keep, Math.Max(1, chunk.MessageEnd(keep - 1))) { IsFresh = chunk.IsFresh };
                kept.AppendRange(chunk, 0, keep);
                kept.Seal();
                _chunks[k] = kept;
            }

            break;
        }

        _cutNanos = Math.Min(_cutNanos ?? long.MaxValue, cut);
        _lastTimestamp = _count == 0 ? long.MinValue : _chunks[^1].LastTimestamp;

        // The replicas' open entries may end in shed lines: lines read later start entries of their own.
        _open = [];
        _layoutVersion++;
    }

    private void Shed(LogChunk chunk, int from, int to)
    {
        _counts.AddRange(chunk, from, to, -1);
        _count -= to - from;
        _shed += to - from;
    }

    // The timestamp of the entry at a store-wide index (0 = the oldest held).
    private long TimestampAtIndex(int index)
    {
        for (var k = 0; k < _chunks.Count; k++)
        {
            var begin = k == 0 ? _frontSkip : 0;
            var visible = _chunks[k].Count - begin;
            if (index < visible)
            {
                return _chunks[k].Timestamp(begin + index);
            }

            index -= visible;
        }

        throw new ArgumentOutOfRangeException(nameof(index));
    }
}
