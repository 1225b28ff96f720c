using LogViewer.Core.Store;

namespace LogViewer.Core.Filtering;

/// <summary>
/// A compiled <see cref="LogFilter"/>: narrows a sorted list of candidate entries of one chunk to those that
/// match. Working on candidate lists lets one code path serve full scans (all entries), narrowing (the current
/// matches) and composition (each term narrows the previous term's result). Not thread-safe: one per scan.
/// </summary>
internal abstract class EntryPredicate
{
    /// <summary>Keeps in <paramref name="candidates"/>[0..count) the matching entries, in order; returns how many.</summary>
    public abstract int Refine(LogChunk chunk, LogSnapshot snapshot, int[] candidates, int count);

    /// <summary>Whether one entry matches (for jumps from a row).</summary>
    public bool Matches(LogChunk chunk, LogSnapshot snapshot, int local)
    {
        int[] one = [local];
        return Refine(chunk, snapshot, one, 1) == 1;
    }

    protected static bool IsContiguous(int[] candidates, int count) =>
        count > 1 && candidates[count - 1] - candidates[0] == count - 1;
}

internal sealed class AllOfPredicate(EntryPredicate[] terms) : EntryPredicate
{
    public override int Refine(LogChunk chunk, LogSnapshot snapshot, int[] candidates, int count)
    {
        foreach (var term in terms)
        {
            if (count == 0)
            {
                break;
            }

            count = term.Refine(chunk, snapshot, candidates, count);
        }

        return count;
    }
}

internal sealed class NotPredicate(EntryPredicate inner) : EntryPredicate
{
    private int[] _scratch = [];

    public override int Refine(LogChunk chunk, LogSnapshot snapshot, int[] candidates, int count)
    {
        if (_scratch.Length < count)
        {
            _scratch = new int[Math.Max(count, _scratch.Length * 2)];
        }

        candidates.AsSpan(0, count).CopyTo(_scratch);
        var excluded = inner.Refine(chunk, snapshot, _scratch, count);

        // Both lists are sorted: keep the candidates that are not in the excluded list.
        var kept = 0;
        var e = 0;
        for (var i = 0; i < count; i++)
        {
            var candidate = candidates[i];
            while (e < excluded && _scratch[e] < candidate)
            {
                e++;
            }

            if (e < excluded && _scratch[e] == candidate)
            {
                continue;
            }

            candidates[kept++] = candidate;
        }

        return kept;
    }
}

internal sealed class LevelPredicate(Func<Model.LogLevel, bool> keep) : EntryPredicate
{
    private readonly bool[] _keep = Table(keep);

    public static bool[] Table(Func<Model.LogLevel, bool> keep) =>
        [.. Enumerable.Range(0, LogCounts.LevelSlots).Select(level => keep((Model.LogLevel)level))];

    public override int Refine(LogChunk chunk, LogSnapshot snapshot, int[] candidates, int count)
    {
        var kept = 0;
        for (var i = 0; i < count; i++)
        {
            var candidate = candidates[i];
            // A line that starts a traceback is an error, as its entry is, whatever level it carries.
            if (_keep[(int)chunk.EntryLevel(candidate)])
            {
                candidates[kept++] = candidate;
            }
        }

        return kept;
    }
}

/// <summary>Decides once per interned code (replica or request id), then filters on the small int.</summary>
internal abstract class CodePredicate : EntryPredicate
{
    // 0 = not decided yet, 1 = keep, 2 = drop.
    private byte[] _decisions = new byte[64];

    protected abstract int CodeOf(LogChunk chunk, int local);

    protected abstract string? NameOf(LogSnapshot snapshot, int code);

    protected abstract bool Keep(string? name);

    public override int Refine(LogChunk chunk, LogSnapshot snapshot, int[] candidates, int count)
    {
        var kept = 0;
        for (var i = 0; i < count; i++)
        {
            var candidate = candidates[i];
            var code = CodeOf(chunk, candidate);
            if (code >= _decisions.Length)
            {
                Array.Resize(ref _decisions, Math.Max(code + 1, _decisions.Length * 2));
            }

            var decision = _decisions[code];
            if (decision == 0)
            {
                decision = Keep(NameOf(snapshot, code)) ? (byte)1 : (byte)2;
                _decisions[code] = decision;
            }

            if (decision == 1)
            {
                candidates[kept++] = candidate;
            }
        }

        return kept;
    }
}

internal sealed class ReplicaPredicate(Func<string?, bool> keep) : CodePredicate
{
    protected override int CodeOf(LogChunk chunk, int local) => chunk.ReplicaCode(local);

    protected override string? NameOf(LogSnapshot snapshot, int code) => snapshot.ReplicaNames[code];

    protected override bool Keep(string? name) => keep(name);
}

internal sealed class RequestIdPredicate(string requestId) : CodePredicate
{
    protected override int CodeOf(LogChunk chunk, int local) => chunk.RequestCode(local);

    protected override string? NameOf(LogSnapshot snapshot, int code) => snapshot.RequestNames[code];

    protected override bool Keep(string? name) => string.Equals(name, requestId, StringComparison.Ordinal);
}

internal sealed class TimeRangePredicate(long from, long to) : EntryPredicate
{
    public override int Refine(LogChunk chunk, LogSnapshot snapshot, int[] candidates, int count)
    {
        var kept = 0;
        for (var i = 0; i < count; i++)
        {
            var candidate = candidates[i];
            var timestamp = chunk.Timestamp(candidate);
            if (timestamp >= from && timestamp <= to)
            {
                candidates[kept++] = candidate;
            }
        }

        return kept;
    }
}

/// <summary>
/// The union of its terms. Each term tests only the candidates no earlier term matched, so a line is tested
/// against the alternatives until one matches, as a short-circuiting "or" would.
/// </summary>
internal sealed class AnyOfPredicate(EntryPredicate[] terms) : EntryPredicate
{
    private int[] _remaining = [];
    private int[] _work = [];
    private int[] _matched = [];

    public override int Refine(LogChunk chunk, LogSnapshot snapshot, int[] candidates, int count)
    {
        if (_remaining.Length < count)
        {
            var size = Math.Max(count, _remaining.Length * 2);
            _remaining = new int[size];
            _work = new int[size];
            _matched = new int[size];
        }

        candidates.AsSpan(0, count).CopyTo(_remaining);
        var remaining = count;
        var matched = 0;
        foreach (var term in terms)
        {
            if (remaining == 0)
            {
                break;
            }

            _remaining.AsSpan(0, remaining).CopyTo(_work);
            var found = term.Refine(chunk, snapshot, _work, remaining);
            if (found == 0)
            {
                continue;
            }

            _work.AsSpan(0, found).CopyTo(_matched.AsSpan(matched));
            matched += found;

            // Both lists are sorted: keep in _remaining what this term did not match.
            var kept = 0;
            var f = 0;
            for (var i = 0; i < remaining; i++)
            {
                var candidate = _remaining[i];
                if (f < found && _work[f] == candidate)
                {
                    f++;
                    continue;
                }

                _remaining[kept++] = candidate;
            }

            remaining = kept;
        }

        _matched.AsSpan(0, matched).CopyTo(candidates);
        candidates.AsSpan(0, matched).Sort();
        return matched;
    }
}
