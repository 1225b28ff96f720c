using System.Text;
using System.Text.RegularExpressions;
using LogViewer.Core.Store;

namespace LogViewer.Core.Filtering;

/// <summary>
/// Substring search on UTF-8. For a run of consecutive entries it searches the chunk's text buffer in one
/// pass and maps each hit to its entry, so a rare needle costs one vectorized sweep rather than one call per line.
/// </summary>
internal abstract class SubstringPredicate : EntryPredicate
{
    protected abstract int NeedleLength { get; }

    protected abstract int IndexIn(ReadOnlySpan<byte> text);

    /// <summary>A look at the text about to be searched, before the first search.</summary>
    protected virtual void Sample(ReadOnlySpan<byte> text)
    {
    }

    public override int Refine(LogChunk chunk, LogSnapshot snapshot, int[] candidates, int count)
    {
        if (NeedleLength == 0)
        {
            return count;
        }

        if (count > 0)
        {
            Sample(chunk.TextOf(candidates[0], chunk.Count));
        }

        if (IsContiguous(candidates, count))
        {
            return SweepRun(chunk, candidates, count);
        }

        var kept = 0;
        for (var i = 0; i < count; i++)
        {
            var candidate = candidates[i];
            if (IndexIn(chunk.Message(candidate)) >= 0)
            {
                candidates[kept++] = candidate;
            }
        }

        return kept;
    }

    private int SweepRun(LogChunk chunk, int[] candidates, int count)
    {
        var first = candidates[0];
        var end = candidates[count - 1] + 1;
        var text = chunk.TextOf(first, end);
        var origin = chunk.MessageStart(first);
        var kept = 0;
        var position = 0;
        var entry = first;
        while (position < text.Length)
        {
            var found = IndexIn(text[position..]);
            if (found < 0)
            {
                break;
            }

            // Hits come in order, so the entry holding each one is found by walking forward, not by searching.
            var hit = position + found;
            while (chunk.MessageEnd(entry) - origin <= hit)
            {
                entry++;
            }

            var entryEnd = chunk.MessageEnd(entry) - origin;
            if (hit + NeedleLength <= entryEnd)
            {
                // Entries only ever grow in this list, and we write behind where we read.
                candidates[kept++] = entry;
                position = entryEnd;
            }
            else
            {
                // The hit straddles two messages: not a match; look again from the next byte.
                position = hit + 1;
            }
        }

        return kept;
    }
}

/// <summary>
/// Exact bytes. The runtime's search looks for the first and last byte at once (vectorized), which is more
/// selective on log text than any single anchor byte.
/// </summary>
internal sealed class TextPredicate(string needle) : SubstringPredicate
{
    private readonly byte[] _needle = Encoding.UTF8.GetBytes(needle);

    protected override int NeedleLength => _needle.Length;

    protected override int IndexIn(ReadOnlySpan<byte> text) => text.IndexOf(_needle);
}

/// <summary>ASCII letters in either case, for an ASCII needle.</summary>
internal sealed class AsciiIgnoreCasePredicate(string needle) : SubstringPredicate
{
    private readonly Utf8Search.Needle _needle = new(Encoding.ASCII.GetBytes(needle), ignoreCase: true);

    protected override int NeedleLength => _needle.Length;

    protected override int IndexIn(ReadOnlySpan<byte> text) => _needle.IndexIn(text);

    protected override void Sample(ReadOnlySpan<byte> text) => _needle.TuneOnce(text);
}

/// <summary>Decodes each message once into a reused buffer; for needles and patterns that need UTF-16.</summary>
internal abstract class DecodingPredicate : EntryPredicate
{
    private char[] _buffer = new char[1024];

    protected abstract bool Matches(ReadOnlySpan<char> message);

    public override int Refine(LogChunk chunk, LogSnapshot snapshot, int[] candidates, int count)
    {
        var kept = 0;
        for (var i = 0; i < count; i++)
        {
            var candidate = candidates[i];
            var bytes = chunk.Message(candidate);
            if (_buffer.Length < bytes.Length)
            {
                _buffer = new char[Math.Max(bytes.Length, _buffer.Length * 2)];
            }

            var chars = Encoding.UTF8.GetChars(bytes, _buffer);
            if (Matches(_buffer.AsSpan(0, chars)))
            {
                candidates[kept++] = candidate;
            }
        }

        return kept;
    }
}

internal sealed class UnicodeIgnoreCasePredicate(string needle) : DecodingPredicate
{
    protected override bool Matches(ReadOnlySpan<char> message) => message.Contains(needle, StringComparison.OrdinalIgnoreCase);
}

internal sealed class RegexPredicate(Regex regex) : DecodingPredicate
{
    protected override bool Matches(ReadOnlySpan<char> message) => regex.IsMatch(message);
}
