using System.Text;

namespace LogViewer.Core.Filtering;

/// <summary>
/// Substring search on UTF-8 bytes, exact or with ASCII case folding. It looks for the needle's rarest byte
/// with a vectorized single-byte search and verifies around each hit: on log text that beats searching for the
/// first byte, because needles usually start with common letters and contain a rare one.
/// </summary>
internal static class Utf8Search
{
    // English letter frequency, most common first: a later letter is a rarer, better anchor.
    private const string LetterFrequency = "etaoinsrhldcumfpgwybvkxjqz";

    public static int IndexOfIgnoreCaseAscii(ReadOnlySpan<byte> haystack, ReadOnlySpan<byte> needle) =>
        new Needle(needle, ignoreCase: true).IndexIn(haystack);

    /// <summary>A needle (lower-cased when folding case) and the position of the byte the search looks for first.</summary>
    internal sealed class Needle
    {
        private const int SampleBytes = 64 * 1024;

        private readonly byte[] _needle;
        private readonly bool _ignoreCase;
        private int _anchor;
        private byte _anchorLower;
        private byte _anchorUpper;
        private bool _tuned;

        public Needle(ReadOnlySpan<byte> needle, bool ignoreCase)
        {
            _ignoreCase = ignoreCase;
            _needle = needle.ToArray();
            if (ignoreCase)
            {
                Ascii.ToLowerInPlace(_needle, out _);
            }

            var bestRank = int.MinValue;
            for (var i = 0; i < _needle.Length; i++)
            {
                var rank = Rank(_needle[i]);
                if (rank > bestRank)
                {
                    bestRank = rank;
                    _anchor = i;
                }
            }

            SetAnchor(_anchor);
        }

        /// <summary>
        /// Once, re-picks the anchor as the needle byte that is rarest in <paramref name="text"/> (a sample of the
        /// data to search): the static ranking guesses, the sample knows ("k" is rare in English, not in "tokens=").
        /// </summary>
        public void TuneOnce(ReadOnlySpan<byte> text)
        {
            if (_tuned || _needle.Length < 2)
            {
                return;
            }

            _tuned = true;
            Span<int> counts = stackalloc int[256];
            foreach (var b in text[..Math.Min(text.Length, SampleBytes)])
            {
                counts[b]++;
            }

            var best = _anchor;
            var bestCount = long.MaxValue;
            for (var i = 0; i < _needle.Length; i++)
            {
                var b = _needle[i];
                long count = counts[b];
                if (_ignoreCase && b is >= (byte)'a' and <= (byte)'z')
                {
                    count += counts[b - 32];
                }

                if (count < bestCount || (count == bestCount && Rank(b) > Rank(_needle[best])))
                {
                    bestCount = count;
                    best = i;
                }
            }

            SetAnchor(best);
        }

        private void SetAnchor(int anchor)
        {
            _anchor = anchor;
            _anchorLower = _needle.Length == 0 ? (byte)0 : _needle[anchor];
            _anchorUpper = _ignoreCase && _anchorLower is >= (byte)'a' and <= (byte)'z' ? (byte)(_anchorLower - 32) : _anchorLower;
        }

        public int Length => _needle.Length;

        public int IndexIn(ReadOnlySpan<byte> haystack)
        {
            if (_needle.Length == 0)
            {
                return 0;
            }

            var position = _anchor;
            while (position < haystack.Length)
            {
                var rest = haystack[position..];
                var found = _anchorLower == _anchorUpper ? rest.IndexOf(_anchorLower) : rest.IndexOfAny(_anchorLower, _anchorUpper);
                if (found < 0)
                {
                    return -1;
                }

                var start = position + found - _anchor;
                if (start + _needle.Length > haystack.Length)
                {
                    return -1;
                }

                var window = haystack.Slice(start, _needle.Length);
                if (_ignoreCase ? Ascii.EqualsIgnoreCase(window, _needle) : window.SequenceEqual(_needle))
                {
                    return start;
                }

                position += found + 1;
            }

            return -1;
        }

        private static int Rank(byte value)
        {
            // A space is the most common byte of log text; letters rank by English frequency, upper case rarer
            // than lower; digits, punctuation and UTF-8 bytes are rarer than letters.
            if (value == (byte)' ')
            {
                return -1;
            }

            var lower = value is >= (byte)'A' and <= (byte)'Z' ? (byte)(value + 32) : value;
            var letter = LetterFrequency.IndexOf((char)lower, StringComparison.Ordinal);
            return letter < 0 ? LetterFrequency.Length + 1 : letter + (lower != value ? 1 : 0);
        }
    }
}
