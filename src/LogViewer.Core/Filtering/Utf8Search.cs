using System.Text;

namespace LogViewer.Core.Filtering;

/// <summary>Substring search on UTF-8 bytes with ASCII case folding, anchored on the needle's rarest letter.</summary>
internal static class Utf8Search
{
    // English letter frequency, most common first: a later letter is a rarer, better anchor.
    private const string LetterFrequency = "etaoinsrhldcumfpgwybvkxjqz";

    public static int IndexOfIgnoreCaseAscii(ReadOnlySpan<byte> haystack, ReadOnlySpan<byte> needle) =>
        new AsciiNeedle(needle).IndexIn(haystack);

    /// <summary>A lower-cased ASCII needle and the position of the byte the search looks for first.</summary>
    internal readonly struct AsciiNeedle
    {
        private readonly byte[] _needle;
        private readonly int _anchor;
        private readonly byte _anchorLower;
        private readonly byte _anchorUpper;

        public AsciiNeedle(ReadOnlySpan<byte> needle)
        {
            _needle = new byte[needle.Length];
            Ascii.ToLower(needle, _needle, out _);
            _anchor = 0;
            var bestRank = -1;
            for (var i = 0; i < _needle.Length; i++)
            {
                // Letters rank by rarity; other bytes (digits, '=', '_') are rarer than any letter in log text.
                var letter = LetterFrequency.IndexOf((char)_needle[i], StringComparison.Ordinal);
                var rank = letter >= 0 ? letter : LetterFrequency.Length;
                if (rank > bestRank)
                {
                    bestRank = rank;
                    _anchor = i;
                }
            }

            _anchorLower = _needle.Length == 0 ? (byte)0 : _needle[_anchor];
            _anchorUpper = _anchorLower is >= (byte)'a' and <= (byte)'z' ? (byte)(_anchorLower - 32) : _anchorLower;
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

                if (Ascii.EqualsIgnoreCase(haystack.Slice(start, _needle.Length), _needle))
                {
                    return start;
                }

                position += found + 1;
            }

            return -1;
        }
    }
}
