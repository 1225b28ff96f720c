using LogViewer.Core.Filtering;
using LogViewer.Core.Grouping;
using LogViewer.Core.Model;
using LogViewer.Core.Store;

namespace LogViewer.Core.Replay;

/// <summary>
/// A replay that is only written out (<c>--output text|jsonl</c>): the same lines, in the same order, as a
/// <see cref="LogStore"/> holding every input and a <see cref="FilteredView"/> on it show, without either. Lines are
/// decoded into flat columns as they are read; at the end the lines that came out of timestamp order are sorted and
/// merged in (the rest are in order already), entries are grouped in one pass by the store's <see cref="EntryRule"/>,
/// and each entry is judged whole as the views judge it. Nothing can be written before the inputs end: a last line
/// may belong before every other. Not thread-safe.
/// </summary>
public sealed class FilteredReplay
{
    // A file is decoded in blocks of this size, as many at once as there are cores, and the blocks' lines joined in order.
    private const long DefaultBlockBytes = 16 << 20;

    // A file's lines are about 170 bytes in the benchmark's corpus: a block's columns are made for lines of this
    // size at the least, so that they seldom grow (each growth copies them and touches fresh memory).
    private const int BlockBytesPerLine = 128;

    private readonly ReplayLines _lines;
    private readonly LogFilter _source;
    private readonly ReplayFilter _filter;
    private readonly bool _keepsAll;
    private readonly long _blockBytes;
    private int[]? _kept;

    private FilteredReplay(LogFilter source, ReplayFilter filter, bool keepsAll, long blockBytes)
    {
        _source = source;
        _filter = filter;
        _keepsAll = keepsAll;
        _blockBytes = blockBytes;
        _lines = new ReplayLines(LinesFilter());
    }

    /// <summary>Lines decoded so far, over every input.</summary>
    public long Loaded => _lines.Count;

    /// <summary>The lines the filter keeps (read once every input is in).</summary>
    public int Count => Kept().Length;

    /// <summary>A replay for <paramref name="filter"/>, or null when the filter has a term only the store's views judge.</summary>
    public static FilteredReplay? For(LogFilter filter) => For(filter, DefaultBlockBytes);

    /// <summary>As <see cref="For(LogFilter)"/>, reading files in blocks of <paramref name="blockBytes"/>.</summary>
    internal static FilteredReplay? For(LogFilter filter, long blockBytes)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return ReplayFilter.TryCompile(filter) is { } compiled ? new FilteredReplay(filter, compiled, filter.KeepsAll, blockBytes) : null;
    }

    /// <summary>
    /// Reads one input (after those read before it, as if appended to one store); see <see cref="JsonlLogReader.LoadAsync"/>.
    /// A file (not a pipe, not gzip) larger than a block is decoded in blocks on every core.
    /// </summary>
    public async Task<JsonlLoadResult> ReadAsync(Stream stream, Action<MalformedLine>? onMalformed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (_kept is not null)
        {
            throw new InvalidOperationException("The replay was judged already; read every input first.");
        }

        if (stream is FileStream { CanSeek: true } file && Environment.ProcessorCount > 1 && file.Length - file.Position > _blockBytes)
        {
            return await ReadInBlocksAsync(file, onMalformed, cancellationToken).ConfigureAwait(false);
        }

        return await JsonlLogReader.ReadAsync(stream, _lines, onMalformed, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Kept line <paramref name="row"/> in timestamp order, its message as the replay's UTF-8.</summary>
    public Utf8LogRow Utf8RowAt(int row)
    {
        var line = Kept()[row];
        return new Utf8LogRow(_lines.Timestamp(line), _lines.Level(line), _lines.Replica(line), _lines.RequestId(line), _lines.Message(line));
    }

    private int[] Kept() => _kept ??= Judge();

    /// <summary>
    /// Decodes the file's blocks (each starting after a newline) at once, then joins their lines, malformed lines (numbered
    /// on from the blocks before) and counts in order, so the result is what one reader going through the file gives.
    /// </summary>
    private async Task<JsonlLoadResult> ReadInBlocksAsync(FileStream file, Action<MalformedLine>? onMalformed, CancellationToken cancellationToken)
    {
        var handle = file.SafeFileHandle;
        var starts = BlockStarts(handle, file.Position, file.Length);
        var lines = new ReplayLines[starts.Count - 1];
        var results = new JsonlLoadResult[lines.Length];
        var malformed = new List<MalformedLine>[lines.Length];
        var options = new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount };
        await Parallel.ForAsync(0, lines.Length, options, async (b, token) =>
        {
            // A filter of its own: a text term may keep a buffer, and the blocks are decoded at once.
            var filter = LinesFilter() is null ? null : ReplayFilter.TryCompile(_source);
            lines[b] = new ReplayLines(filter, (int)Math.Min((starts[b + 1] - starts[b]) / BlockBytesPerLine + 1, Array.MaxLength / 8));
            malformed[b] = [];
            results[b] = await JsonlLogReader.ReadBlockAsync(handle, starts[b], starts[b + 1] - starts[b], b == 0, lines[b], malformed[b].Add, token).ConfigureAwait(false);
        }).ConfigureAwait(false);

        var total = new JsonlLoadResult(0, 0, 0, Decoding.DecodeReport.None);
        for (var b = 0; b < lines.Length; b++)
        {
            foreach (var line in malformed[b])
            {
                onMalformed?.Invoke(line with { LineNumber = line.LineNumber + total.Lines });
            }

            _lines.Append(lines[b]);
            total = new JsonlLoadResult(total.Lines + results[b].Lines, total.Loaded + results[b].Loaded, total.Malformed + results[b].Malformed, total.Problems.Plus(results[b].Problems));
        }

        return total;
    }

    /// <summary>Where each block starts (the byte after a newline near every block's size), and the end.</summary>
    private List<long> BlockStarts(Microsoft.Win32.SafeHandles.SafeFileHandle handle, long start, long end)
    {
        var starts = new List<long> { start };
        var probe = new byte[64 * 1024];
        var next = start + _blockBytes;
        while (next < end)
        {
            // The block ends after the first newline at or past its nominal end.
            var at = next - 1;
            long found = -1;
            while (found < 0 && at < end)
            {
                var read = RandomAccess.Read(handle, probe.AsSpan(0, (int)Math.Min(probe.Length, end - at)), at);
                if (read == 0)
                {
                    break;
                }

                var newline = probe.AsSpan(0, read).IndexOf((byte)'\n');
                found = newline < 0 ? -1 : at + newline + 1;
                at += read;
            }

            if (found < 0 || found >= end)
            {
                break;
            }

            starts.Add(found);
            next = found + _blockBytes;
        }

        starts.Add(end);
        return starts;
    }

    /// <summary>The filter the lines classify and hit as they are read: only when entries are judged.</summary>
    private ReplayFilter? LinesFilter() => !_keepsAll && _filter.JudgesEntries ? _filter : null;

    private int[] Judge()
    {
        var order = _lines.TimestampOrder();
        if (_keepsAll)
        {
            return order;
        }

        if (!_filter.JudgesEntries)
        {
            return [.. order.Where(line => _filter.LinePasses(_lines, line))];
        }

        // Entries are numbered as they start; what each one's lines hit and its highest level add up as they join.
        var entryOf = new int[order.Length];
        var hits = new ulong[order.Length];
        var levels = new LogLevel[order.Length];
        var open = new OpenEntry[_lines.ReplicaCount];
        var entries = 0;
        var readsText = _filter.ReadsText;
        for (var p = 0; p < order.Length; p++)
        {
            var line = order[p];
            var timestamp = _lines.Timestamp(line);
            var kind = _lines.Kind(line);
            ref var state = ref open[_lines.ReplicaCode(line)];
            if (state.Lines > 0 && timestamp - state.Timestamp <= EntryRule.WindowNanos && state.Lines < EntryRule.MaxLines
                && EntryRule.Continue(state.Phase, kind) is { } phase)
            {
                state = new OpenEntry(state.Entry, timestamp, phase, state.Lines + 1);
            }
            else
            {
                state = new OpenEntry(entries++, timestamp, EntryRule.Start(kind), 1);
            }

            var entry = state.Entry;
            entryOf[p] = entry;
            if (readsText)
            {
                hits[entry] |= _lines.Hits(line);
            }

            var level = EntryRule.MakesError(kind) ? LogLevel.Error : _lines.Level(line);
            if (level > levels[entry])
            {
                levels[entry] = level;
            }
        }

        var kept = new List<int>();
        for (var p = 0; p < order.Length; p++)
        {
            var entry = entryOf[p];
            if (_filter.EntryPasses(hits[entry], levels[entry]) && _filter.LinePasses(_lines, order[p]))
            {
                kept.Add(order[p]);
            }
        }

        return [.. kept];
    }

    /// <summary>The entry a replica's next line may join: its number, its last line's time, the rule's phase, its lines.</summary>
    private readonly record struct OpenEntry(int Entry, long Timestamp, EntryPhase Phase, int Lines);
}
