using LogViewer.Core.Grouping;
using LogViewer.Core.Model;
using LogViewer.Core.Store;

namespace LogViewer.Core.Filtering;

/// <summary>
/// A filter with entry semantics (<see cref="LogFilter.CompileForEntries"/>): the text and level terms are judged
/// per entry (a line is kept when its entry matches), the replica, request id and time terms per line. A line that
/// is an entry of its own goes through the whole filter as before, so the common case costs what it did; the lines
/// of grouped entries are judged once per entry, reading the entry's other lines from the snapshot (they may lie in
/// other chunks, before or after). Not thread-safe: one per scan.
/// </summary>
internal sealed class EntryScopedPredicate(EntryPredicate whole, EntryPredicate? lineTerms, EntryTerm[] entryTerms) : EntryPredicate
{
    private readonly Dictionary<long, EntryHits> _others = [];
    private readonly List<int> _touched = [];
    private int[] _lines = [];
    private int[] _work = [];
    private int[] _hitsOfWhole = [];
    private int _hitsOfWholeCount;
    private ulong[] _masks = [];
    private EntryHits[] _slots = [];
    private int[] _slotGeneration = [];
    private int _generation;
    private readonly bool[] _hits = new bool[entryTerms.Length];
    private readonly int[] _one = new int[1];
    private readonly List<(int Chunk, int Local)> _members = [];
    private int[] _grouped = [];

    public override int Refine(LogChunk chunk, LogSnapshot snapshot, int[] candidates, int count)
    {
        if (_grouped.Length < count)
        {
            _grouped = new int[Math.Max(count, _grouped.Length * 2)];
        }

        var grouped = 0;
        for (var i = 0; i < count; i++)
        {
            if (chunk.EntryMarkAt(candidates[i]).InGroup)
            {
                _grouped[grouped++] = candidates[i];
            }
        }

        // The whole filter over every candidate, as before (a contiguous list stays one sweep over the chunk's text);
        // its verdict stands for the lines that are entries of their own.
        var singles = whole.Refine(chunk, snapshot, candidates, count);
        if (grouped == 0)
        {
            return singles;
        }

        // With one text term and nothing else, the whole filter is that term: over a full chunk its matches are the
        // hits the entries need, so the term need not run again over the grouped lines.
        var k = snapshot.IndexOfChunk(chunk);
        var fullChunk = k >= 0 && lineTerms is null && entryTerms is [{ Lines: not null, Negated: false }]
            && count == snapshot.ChunkEnd(k) - snapshot.ChunkBegin(k);
        if (fullChunk)
        {
            EnsureScratch(chunk.Count);
            candidates.AsSpan(0, singles).CopyTo(_hitsOfWhole);
            _hitsOfWholeCount = singles;
        }

        var own = 0;
        for (var i = 0; i < singles; i++)
        {
            if (!chunk.EntryMarkAt(candidates[i]).InGroup)
            {
                candidates[own++] = candidates[i];
            }
        }

        singles = own;
        if (lineTerms is not null)
        {
            grouped = lineTerms.Refine(chunk, snapshot, _grouped, grouped);
        }

        if (k < 0)
        {
            // Not a chunk of this snapshot: its entries cannot be read, so its lines are judged alone.
            grouped = whole.Refine(chunk, snapshot, _grouped, grouped);
            _grouped.AsSpan(0, grouped).CopyTo(candidates.AsSpan(singles));
            candidates.AsSpan(0, singles + grouped).Sort();
            return singles + grouped;
        }

        JudgeEntriesIn(snapshot, k, fullChunk);
        var kept = 0;
        for (var g = 0; g < grouped; g++)
        {
            var local = _grouped[g];
            if (VerdictOf(chunk, local))
            {
                _grouped[kept++] = local;
            }
        }

        // Both lists are sorted: merge them from the back, in place.
        var s = singles - 1;
        var m = kept - 1;
        for (var w = singles + kept - 1; m >= 0; w--)
        {
            candidates[w] = s >= 0 && candidates[s] > _grouped[m] ? candidates[s--] : _grouped[m--];
        }

        return singles + kept;
    }

    /// <summary>
    /// The verdict of every grouped entry with lines in chunk <paramref name="k"/> (read back with <see cref="VerdictOf"/>).
    /// Each term runs once over the chunk's grouped lines (as it runs over any candidates); an entry wholly inside the
    /// chunk is judged from those hits, and only one that reaches into the chunk before or after reads its other lines.
    /// An entry whose first line is in the chunk is kept in arrays indexed by that line (a chunk appended in order
    /// holds consecutive ids), any other in a dictionary.
    /// </summary>
    private void JudgeEntriesIn(LogSnapshot snapshot, int k, bool hitsOfWholeKnown)
    {
        var chunk = snapshot.Chunk(k);
        var begin = snapshot.ChunkBegin(k);
        var end = snapshot.ChunkEnd(k);
        EnsureScratch(chunk.Count);
        var n = 0;
        for (var local = begin; local < end; local++)
        {
            if (chunk.EntryMarkAt(local).InGroup)
            {
                _lines[n++] = local;
            }
        }

        Array.Clear(_masks, 0, n);
        for (var t = 0; t < entryTerms.Length && t < 64; t++)
        {
            if (entryTerms[t].Lines is not { } lines)
            {
                continue;
            }

            int[] hitList;
            int hits;
            if (hitsOfWholeKnown)
            {
                (hitList, hits) = (_hitsOfWhole, _hitsOfWholeCount);
            }
            else
            {
                _lines.AsSpan(0, n).CopyTo(_work);
                (hitList, hits) = (_work, lines.Refine(chunk, snapshot, _work, n));
            }

            // Both lists are sorted: mark the grouped lines among the hits.
            for (int i = 0, h = 0; i < n && h < hits; i++)
            {
                while (h < hits && hitList[h] < _lines[i])
                {
                    h++;
                }

                if (h < hits && hitList[h] == _lines[i])
                {
                    _masks[i] |= 1UL << t;
                }
            }
        }

        // One pass in line order: an entry's first line here says whether it began before, its last whether more follow.
        _generation++;
        _others.Clear();
        _touched.Clear();
        for (var i = 0; i < n; i++)
        {
            var local = _lines[i];
            var id = chunk.EntryId(local);
            var slot = SlotOf(chunk, id);
            EntryHits entry;
            if (slot >= 0 ? _slotGeneration[slot] == _generation : _others.ContainsKey(id))
            {
                entry = slot >= 0 ? _slots[slot] : _others[id];
            }
            else
            {
                entry = new EntryHits(0, LogLevel.None, chunk.EntryMarkAt(local).Continues || entryTerms.Length > 64, local, false);
                _touched.Add(local);
            }

            var level = chunk.EntryLevel(local);
            entry = entry with { Mask = entry.Mask | _masks[i], Level = level > entry.Level ? level : entry.Level, Last = local };
            if (slot >= 0)
            {
                _slots[slot] = entry;
                _slotGeneration[slot] = _generation;
            }
            else
            {
                _others[id] = entry;
            }
        }

        // Each entry's first line here stands for it: judge it once.
        foreach (var first in _touched)
        {
            var id = chunk.EntryId(first);
            var slot = SlotOf(chunk, id);
            var entry = slot >= 0 ? _slots[slot] : _others[id];
            var outside = entry.Outside || chunk.EntryMarkAt(entry.Last).Continued;
            entry = entry with { Verdict = outside ? EntryMatches(snapshot, k, entry.Last) : Passes(entry.Mask, entry.Level) };
            if (slot >= 0)
            {
                _slots[slot] = entry;
            }
            else
            {
                _others[id] = entry;
            }
        }
    }

    private void EnsureScratch(int lines)
    {
        if (_lines.Length >= lines)
        {
            return;
        }

        var size = Math.Max(lines, LogChunk.MaxEntries);
        _lines = new int[size];
        _work = new int[size];
        _hitsOfWhole = new int[size];
        _masks = new ulong[size];
        _slots = new EntryHits[size];
        _slotGeneration = new int[size];
    }

    private bool VerdictOf(LogChunk chunk, int local)
    {
        var id = chunk.EntryId(local);
        var slot = SlotOf(chunk, id);
        return slot >= 0 ? _slots[slot].Verdict : _others[id].Verdict;
    }

    /// <summary>The local index of the entry's first line when it is in the chunk, found from the ids; -1 otherwise.</summary>
    private static int SlotOf(LogChunk chunk, long entryId)
    {
        var offset = entryId - chunk.Id(0);
        return offset >= 0 && offset < chunk.Count && chunk.Id((int)offset) == entryId ? (int)offset : -1;
    }

    private bool Passes(ulong mask, LogLevel level)
    {
        for (var t = 0; t < entryTerms.Length; t++)
        {
            var term = entryTerms[t];
            var passes = term.Levels is { } levels ? levels[(int)level] : ((mask >> t) & 1) == 1 != term.Negated;
            if (!passes)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether a line is kept by the line terms alone (replica, request id, time).</summary>
    public bool LineMatches(LogChunk chunk, LogSnapshot snapshot, int local)
    {
        if (lineTerms is null)
        {
            return true;
        }

        _one[0] = local;
        return lineTerms.Refine(chunk, snapshot, _one, 1) == 1;
    }

    /// <summary>Whether the entry holding local <paramref name="local"/> of chunk <paramref name="k"/> passes every entry term.</summary>
    public bool EntryMatches(LogSnapshot snapshot, int k, int local)
    {
        Array.Clear(_hits);
        var level = LogLevel.None;
        foreach (var (mk, ml) in MembersOf(snapshot, k, local))
        {
            var chunk = snapshot.Chunk(mk);
            var lineLevel = chunk.EntryLevel(ml);
            level = lineLevel > level ? lineLevel : level;
            for (var t = 0; t < entryTerms.Length; t++)
            {
                if (!_hits[t] && entryTerms[t].Lines is { } lines)
                {
                    _one[0] = ml;
                    _hits[t] = lines.Refine(chunk, snapshot, _one, 1) == 1;
                }
            }
        }

        for (var t = 0; t < entryTerms.Length; t++)
        {
            var term = entryTerms[t];
            if (term.Levels is { } levels ? !levels[(int)level] : _hits[t] == term.Negated)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The lines of the entry holding local <paramref name="local"/> of chunk <paramref name="k"/>, as (chunk, local), in
    /// order: the same replica's lines with its entry id before and after it. The search stops at a line of the replica
    /// in another entry, or once it is more than the rule's window past the nearest member (none can follow).
    /// The list is reused by the next call.
    /// </summary>
    public List<(int Chunk, int Local)> MembersOf(LogSnapshot snapshot, int k, int local)
    {
        _members.Clear();
        Collect(snapshot, k, local, -1);
        _members.Reverse();
        _members.Add((k, local));
        Collect(snapshot, k, local, 1);
        return _members;
    }

    /// <summary>Adds the entry's lines before (back to the line that starts it) or after the given one, nearest first.</summary>
    private void Collect(LogSnapshot snapshot, int k, int local, int direction)
    {
        var chunk = snapshot.Chunk(k);
        var id = chunk.EntryId(local);
        var replica = chunk.ReplicaCode(local);
        var nearest = chunk.Timestamp(local);
        var more = direction > 0 || chunk.EntryMarkAt(local).Continues;
        while (more && Step(snapshot, ref k, ref local, direction))
        {
            var line = snapshot.Chunk(k);
            if (Math.Abs(line.Timestamp(local) - nearest) > EntryRule.WindowNanos)
            {
                break;
            }

            if (line.ReplicaCode(local) != replica)
            {
                continue;
            }

            if (line.EntryId(local) != id)
            {
                break;
            }

            _members.Add((k, local));
            nearest = line.Timestamp(local);
            more = direction > 0 || line.EntryMarkAt(local).Continues;
        }
    }

    /// <summary>Moves (chunk, local) one visible line back or forward in the snapshot; false at an end.</summary>
    private static bool Step(LogSnapshot snapshot, ref int k, ref int local, int direction)
    {
        local += direction;
        while (local < snapshot.ChunkBegin(k) || local >= snapshot.ChunkEnd(k))
        {
            k += direction;
            if (k < 0 || k >= snapshot.ChunkCount)
            {
                return false;
            }

            local = direction > 0 ? snapshot.ChunkBegin(k) : snapshot.ChunkEnd(k) - 1;
        }

        return true;
    }

    /// <summary>What an entry's lines in one chunk hit (a bit per term, the highest level), whether it has lines outside, its verdict.</summary>
    private readonly record struct EntryHits(ulong Mask, LogLevel Level, bool Outside, int Last, bool Verdict);
}
