using System.Text;
using LogViewer.Core.Model;

namespace LogViewer.Core.Store;

/// <summary>
/// Every line the viewer holds, in timestamp order, bounded by <see cref="Capacity"/> (the oldest are evicted
/// and counted). Messages are kept once as UTF-8 in shared buffers and replica and request ids as small codes,
/// so an entry costs about 30 bytes plus its text. One writer at a time adds (calls are serialized);
/// any thread reads <see cref="Current"/>, an immutable <see cref="LogSnapshot"/> that stays valid while
/// ingestion goes on. <see cref="Changed"/> fires on the writer's thread after each publish.
/// </summary>
public sealed partial class LogStore
{
    public const int DefaultCapacity = 1_000_000;

    private const int MinTextCapacity = 4 * 1024;
    private const int MaxTextCapacity = 4 * 1024 * 1024;

    private readonly Lock _writeLock = new();
    private readonly List<LogChunk> _chunks = [];
    private readonly InternTable _replicas = new();
    private readonly InternTable _requests = new();
    private readonly CountAccumulator _counts = new();
    private readonly RateCounter _rates = new();
    private readonly List<PendingLate> _late = [];

    // The batch's late messages back to back (one buffer reused, not an array per late line).
    private readonly List<byte> _lateText = [];
    private readonly StagedEntries _staging = new();
    private LogSnapshot _current = LogSnapshot.Empty;
    private int _frontSkip;
    private int _count;
    private long _nextId;
    private long _version;
    private long _layoutVersion;
    private long _evicted;
    private long _lastTimestamp = long.MinValue;
    private long _bytesSeen;
    private long _entriesSeen;

    public LogStore(int capacity = DefaultCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Capacity = capacity;
    }

    /// <summary>The most entries held; past it the oldest are evicted.</summary>
    public int Capacity { get; }

    /// <summary>The latest published state. Cheap to read from any thread.</summary>
    public LogSnapshot Current => Volatile.Read(ref _current);

    /// <summary>Raised on the writing thread after each batch is published (not under the store's lock).</summary>
    public event EventHandler? Changed;

    /// <summary>Adds entries in any order; each lands at its timestamp's place (after equal timestamps).</summary>
    public void Add(IReadOnlyList<LogEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count == 0)
        {
            return;
        }

        lock (_writeLock)
        {
            // Encoded once into the staging buffer, then through the same ingest loop as decoded UTF-8.
            _staging.Clear();
            foreach (var entry in entries)
            {
                if (entry.TryGetUtf8Message(out var utf8))
                {
                    // Decoded from an API page: the bytes it came as, no string made.
                    _staging.Add(entry.TimestampNanos, utf8, entry.Level, entry.Replica, entry.RequestId);
                    continue;
                }

                var bytes = Encoding.UTF8.GetBytes(entry.Message, _staging.Reserve(Encoding.UTF8.GetMaxByteCount(entry.Message.Length)));
                _staging.Commit(entry.TimestampNanos, bytes, entry.Level, entry.Replica, entry.RequestId);
            }

            Ingest(_staging);
            _staging.Clear();
        }

        Changed?.Invoke(this, EventArgs.Empty);
    }

    /// <summary>Adds entries decoded straight from UTF-8 (no string per message).</summary>
    internal void Add(StagedEntries staged)
    {
        if (staged.Count == 0)
        {
            return;
        }

        lock (_writeLock)
        {
            Ingest(staged);
        }

        Changed?.Invoke(this, EventArgs.Empty);
    }

    /// <summary>The one ingest loop: staged entries in timestamp order, newer ones appended, older ones inserted.</summary>
    private void Ingest(StagedEntries staged)
    {
        foreach (var i in staged.TimestampOrder())
        {
            var timestamp = staged.Timestamp(i);
            if (timestamp >= _cutNanos)
            {
                // The live end is not held while the user reads far back: these come again when it is re-read.
                _shed++;
                continue;
            }

            var message = staged.Message(i);
            var level = staged.Level(i);
            var replica = _replicas.Intern(staged.Replica(i));
            var request = _requests.Intern(staged.RequestId(i));
            if (timestamp >= _lastTimestamp)
            {
                var chunk = ActiveChunkFor(message.Length);
                chunk.Append(_nextId++, timestamp, message, level, replica, request);
                MarkEntry(chunk, chunk.Count - 1);
                Appended(timestamp, message.Length, level, replica);
            }
            else
            {
                _appendedSinceLate = 0;
                _late.Add(new PendingLate(timestamp, _lateText.Count, message.Length, level, replica, request));
                _lateText.AddRange(message);
            }
        }

        FinishBatch();
    }

    private void Appended(long timestamp, int bytes, LogLevel level, int replica)
    {
        _lastTimestamp = timestamp;
        _appendedSinceLate++;
        _count++;
        _bytesSeen += bytes;
        _entriesSeen++;
        _counts.Add(level, replica, 1);
        _rates.Add(timestamp, level, replica);
    }

    private LogChunk ActiveChunkFor(int messageBytes)
    {
        if (_chunks.Count > 0 && _chunks[^1].CanAppend(messageBytes))
        {
            return _chunks[^1];
        }

        if (_chunks.Count > 0)
        {
            _chunks[^1].Seal();
        }

        // New lines go to a fresh chunk, small while late lines arrive (see LogStore.Fresh.cs). Its text buffer is
        // sized for a chunk of average messages, so entries and text fill up together.
        var entries = ActiveChunkEntries;
        var average = _entriesSeen == 0 ? 128 : (_bytesSeen / _entriesSeen) + 1;
        var textCapacity = (int)Math.Clamp(average * entries * 9 / 8, MinTextCapacity, MaxTextCapacity);
        var chunk = new LogChunk(entries, Math.Max(textCapacity, messageBytes)) { IsFresh = true };
        _chunks.Add(chunk);
        return chunk;
    }

    private void FinishBatch()
    {
        if (_late.Count > 0)
        {
            InsertLate();
            _late.Clear();
            _lateText.Clear();
        }

        CompactFresh();
        Evict();
        Publish();
    }

    private void Evict()
    {
        if (_count <= Capacity)
        {
            return;
        }

        if (_shedNewest || _cutNanos is not null)
        {
            // Older history, or any line while the user reads far back: the newest end gives way.
            ShedNewest();
            return;
        }

        while (_count > Capacity)
        {
            var first = _chunks[0];
            var visible = first.Count - _frontSkip;
            var drop = Math.Min(visible, _count - Capacity);
            _counts.AddRange(first, _frontSkip, _frontSkip + drop, -1);
            _count -= drop;
            _evicted += drop;
            if (drop == visible)
            {
                first.Seal();
                _chunks.RemoveAt(0);
                _frontSkip = 0;
            }
            else
            {
                _frontSkip += drop;
            }
        }

        _layoutVersion++;
    }

    private void Publish()
    {
        var chunks = _chunks.ToArray();
        var starts = new int[chunks.Length + 1];
        var index = 0;
        for (var k = 0; k < chunks.Length; k++)
        {
            starts[k] = index;
            index += chunks[k].Count - (k == 0 ? _frontSkip : 0);
        }

        starts[^1] = index;
        var snapshot = new LogSnapshot(
            chunks, starts, _frontSkip, _replicas.Names, _requests.Names, ++_version, _layoutVersion, _evicted,
            _counts.Publish(_replicas.Names), _rates.Publish(_replicas.Names))
        {
            CutNanos = _cutNanos,
            ShedCount = _shed,
        };
        Volatile.Write(ref _current, snapshot);
    }

    /// <summary>A late line waiting for its insert; its message is <see cref="_lateText"/>[Start, Start + Length).</summary>
    private readonly record struct PendingLate(long Timestamp, int Start, int Length, LogLevel Level, int Replica, int Request);
}
