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
    private readonly ReplayLines _lines = new();
    private readonly ReplayFilter _filter;
    private readonly bool _keepsAll;
    private int[]? _kept;

    private FilteredReplay(ReplayFilter filter, bool keepsAll)
    {
        _filter = filter;
        _keepsAll = keepsAll;
    }

    /// <summary>Lines decoded so far, over every input.</summary>
    public long Loaded => _lines.Count;

    /// <summary>The lines the filter keeps (read once every input is in).</summary>
    public int Count => Kept().Length;

    /// <summary>A replay for <paramref name="filter"/>, or null when the filter has a term only the store's views judge.</summary>
    public static FilteredReplay? For(LogFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return ReplayFilter.TryCompile(filter) is { } compiled ? new FilteredReplay(compiled, filter.KeepsAll) : null;
    }

    /// <summary>Reads one input (after those read before it, as if appended to one store); see <see cref="JsonlLogReader.LoadAsync"/>.</summary>
    public Task<JsonlLoadResult> ReadAsync(Stream stream, Action<MalformedLine>? onMalformed, CancellationToken cancellationToken)
    {
        if (_kept is not null)
        {
            throw new InvalidOperationException("The replay was judged already; read every input first.");
        }

        return JsonlLogReader.ReadAsync(stream, _lines, onMalformed, cancellationToken);
    }

    /// <summary>Kept line <paramref name="row"/> in timestamp order, its message as the replay's UTF-8.</summary>
    public Utf8LogRow Utf8RowAt(int row)
    {
        var line = Kept()[row];
        return new Utf8LogRow(_lines.Timestamp(line), _lines.Level(line), _lines.Replica(line), _lines.RequestId(line), _lines.Message(line));
    }

    private int[] Kept() => _kept ??= Judge();

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
            var message = _lines.Message(line);
            var timestamp = _lines.Timestamp(line);
            var kind = EntryRule.Classify(message);
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
                hits[entry] |= _filter.Hits(message);
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
