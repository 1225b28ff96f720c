using System.Text;
using LogViewer.Core.Filtering;

namespace LogViewer.Core.Tests.Filtering;

public sealed class Utf8SearchTests
{
    [Fact]
    public void Ascii_Case_Folding_Search_Agrees_With_String_Search_On_Random_Text()
    {
        // Given: random text over a small alphabet (so hits and near misses are frequent).
        var random = new Random(11);
        const string alphabet = "abcABC =kK\u00e9";
        for (var round = 0; round < 3000; round++)
        {
            var haystack = new string(Enumerable.Range(0, random.Next(0, 40)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
            var needle = new string(Enumerable.Range(0, random.Next(1, 5)).Select(_ => alphabet[random.Next(alphabet.Length - 1)]).ToArray());
            var needleBytes = Encoding.ASCII.GetBytes(needle);
            var haystackBytes = Encoding.UTF8.GetBytes(haystack);

            // When: searching with and without tuning the anchor on the text itself.
            var plain = new Utf8Search.Needle(needleBytes, ignoreCase: true).IndexIn(haystackBytes);
            var tuned = new Utf8Search.Needle(needleBytes, ignoreCase: true);
            tuned.TuneOnce(haystackBytes);

            // Then: both find a match exactly when the string search does, at the same byte.
            var expected = haystack.IndexOf(needle, StringComparison.OrdinalIgnoreCase);
            var expectedByte = expected < 0 ? -1 : Encoding.UTF8.GetByteCount(haystack.AsSpan(0, expected));
            Assert.Equal(expectedByte, plain);
            Assert.Equal(expectedByte, tuned.IndexIn(haystackBytes));
        }
    }
}
