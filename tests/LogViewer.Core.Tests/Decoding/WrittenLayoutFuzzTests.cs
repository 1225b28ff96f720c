using System.Text;
using System.Text.Json;
using LogViewer.Core.Decoding;
using LogViewer.Core.Model;
using LogViewer.Core.Output;

namespace LogViewer.Core.Tests.Decoding;

/// <summary>
/// The decoder's fast path for lines as <c>--output jsonl</c> writes them (<see cref="LogV1Decoder.TryDecodeWrittenLayout(ReadOnlySpan{byte}, out DecodedEntry)"/>)
/// against the full decoder: every line the formatter writes takes the fast path, and any line the fast path takes,
/// however mutated, decodes to the same entry through the full decoder with nothing skipped or repaired. The seed
/// is fixed; <c>LOGVIEWER_FUZZ_ITERATIONS</c> runs longer.
/// </summary>
public sealed class WrittenLayoutFuzzTests
{
    private const int Seed = 20261203;

    private static readonly int Scale = int.TryParse(Environment.GetEnvironmentVariable("LOGVIEWER_FUZZ_ITERATIONS"), out var n) && n > 0 ? n : 1;

    // Bytes a mutation puts in: JSON's own punctuation, escapes' letters, digits, signs, white space, control and non-UTF-8 bytes.
    private static readonly byte[] Interesting = [.. "\"\\/{}[],:unbfrtx0123456789aAfF-+. eE"u8.ToArray(), 0x00, 0x09, 0x0A, 0x1F, 0x7F, 0x80, 0xBF, 0xC0, 0xE2, 0xED, 0xF0, 0xF5, 0xFF];

    [Fact]
    public void Every_Line_The_Formatter_Writes_Takes_The_Fast_Path_And_Gives_The_Full_Decoders_Entry()
    {
        // Given entries with every kind of text the formatter escapes or keeps raw
        var random = new Random(Seed);
        using var formatter = new JsonLinesFormatter();
        for (var i = 0; i < 3000 * Scale; i++)
        {
            var entry = RandomEntry(random);
            var line = Encoding.UTF8.GetBytes(formatter.Format(entry));

            // When the fast path and the full decoder read the line it became
            var fast = FastPath(line);
            var full = FullDecoder(line);

            // Then the fast path takes it, and both give the entry written
            Assert.True(fast is not null, $"not taken by the fast path: {Encoding.UTF8.GetString(line)}");
            Assert.Equal(entry, fast);
            Assert.Equal(new Decoded(entry, DecodeReport.None), full);
        }
    }

    [Fact]
    public void A_Mutated_Line_The_Fast_Path_Takes_Decodes_To_The_Same_Entry_Through_The_Full_Decoder()
    {
        // Given written lines with bytes flipped, put in, taken out or cut off
        var random = new Random(Seed);
        using var formatter = new JsonLinesFormatter();
        int taken = 0, left = 0;
        for (var i = 0; i < 20000 * Scale; i++)
        {
            var line = Mutate(random, Encoding.UTF8.GetBytes(formatter.Format(RandomEntry(random))));

            // When the fast path reads it
            var fast = FastPath(line);
            if (fast is null)
            {
                left++;
                continue;
            }

            // Then the full decoder keeps it too, with the same fields, nothing skipped and nothing repaired
            taken++;
            Assert.Equal(new Decoded(fast, DecodeReport.None), FullDecoder(line));
        }

        // Both kinds occur often, so the comparison means something
        Assert.True(taken > 1000 && left > 1000, $"{taken} mutated lines taken by the fast path, {left} left to the full decoder");
    }

    [Theory]
    [InlineData("""{"timestamp":"7","message":"lone \ud800 high","replica":null,"request_id":null,"level":null}""")]
    [InlineData("""{"timestamp":"-7","message":"x","replica":null,"request_id":null,"level":null}""")]
    [InlineData("""{"timestamp":"99999999999999999999","message":"x","replica":null,"request_id":null,"level":null}""")]
    [InlineData("""{"timestamp":"7","message":"x","replica":null,"request_id":null,"level":null} """)]
    [InlineData("""{"timestamp":"7", "message":"x","replica":null,"request_id":null,"level":null}""")]
    [InlineData("""{"timestamp":"7","message":"x","replica":null,"request_id":null}""")]
    [InlineData("""{"timestamp":"7","message":"x","replica":null,"request_id":null,"level":null,"extra":1}""")]
    [InlineData("""{"timestamp":"7","message":"bad \q escape","replica":null,"request_id":null,"level":null}""")]
    [InlineData("""{"timestamp":"7","message":"x","replica":5,"request_id":null,"level":null}""")]
    [InlineData("""{"timestamp":7,"message":"x","replica":null,"request_id":null,"level":null}""")]
    public void A_Line_Off_The_Written_Layout_Or_Needing_Repair_Is_Left_To_The_Full_Decoder(string line)
    {
        Assert.Null(FastPath(Encoding.UTF8.GetBytes(line)));
    }

    [Fact]
    public void Invalid_UTF8_Is_Left_To_The_Full_Decoder_Which_Repairs_It()
    {
        var line = Encoding.UTF8.GetBytes("""{"timestamp":"7","message":"bad ?","replica":null,"request_id":null,"level":null}""");
        line[Array.IndexOf(line, (byte)'?')] = 0xFF;

        Assert.Null(FastPath(line));
        Assert.Equal(1, FullDecoder(line)?.Report.RepairedCount);
    }

    private static LogEntry RandomEntry(Random random)
    {
        var replicas = new[] { null, "a7k2p", "b3m9q", "réplica-ü", "r\"q\\" };
        var requests = new[] { null, "4856480d9621bd80", "q\n1" };
        var levels = new[] { LogLevel.None, LogLevel.Debug, LogLevel.Info, LogLevel.Warning, LogLevel.Error };
        var timestamp = random.Next(4) switch
        {
            0 => 0L,
            1 => long.MaxValue,
            _ => 1732300000000000000L + random.NextInt64(1_000_000_000_000),
        };
        return new LogEntry(timestamp, RandomText(random), replicas[random.Next(replicas.Length)], requests[random.Next(requests.Length)], levels[random.Next(levels.Length)]);
    }

    /// <summary>Text of plain ASCII, quotes, backslashes, slashes, control characters, accents, CJK and emoji.</summary>
    private static string RandomText(Random random)
    {
        var pieces = new[] { "step=1 loss=3.2", "\"", "\\", "/", "\n", "\r", "\t", "\b", "\f", "\u0000", "\u001b[31m", "\u007f", "é", "ü", "日本", "\U0001F600", "\u2028", "\uFFFD", " ", "CUDA out of memory", "Traceback (most recent call last):", "<>&'" };
        var text = new StringBuilder();
        for (var k = random.Next(0, 12); k > 0; k--)
        {
            text.Append(pieces[random.Next(pieces.Length)]);
        }

        return text.ToString();
    }

    private static byte[] Mutate(Random random, byte[] line)
    {
        var bytes = new List<byte>(line);
        for (var k = random.Next(1, 3); k > 0 && bytes.Count > 0; k--)
        {
            var at = random.Next(bytes.Count);
            var b = random.Next(3) == 0 ? (byte)random.Next(256) : Interesting[random.Next(Interesting.Length)];
            switch (random.Next(4))
            {
                case 0:
                    bytes[at] = b;
                    break;
                case 1:
                    bytes.Insert(at, b);
                    break;
                case 2:
                    bytes.RemoveAt(at);
                    break;
                default:
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
            }
        }

        return [.. bytes];
    }

    private static LogEntry? FastPath(byte[] line) =>
        new LogV1Decoder().TryDecodeWrittenLayout(line, out var entry) ? ToEntry(entry) : null;

    /// <summary>What the full decoder makes of the line as a jsonl reader reads one: the entry and the report, or null when skipped or not JSON.</summary>
    private static Decoded? FullDecoder(byte[] line)
    {
        var decoder = new LogV1Decoder();
        try
        {
            var reader = new Utf8JsonReader(line, LogV1Decoder.ReaderOptions);
            if (!reader.Read() || !decoder.TryDecode(ref reader, out var entry, out _))
            {
                return null;
            }

            var decoded = ToEntry(entry);
            return reader.Read() ? null : new Decoded(decoded, decoder.Report);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static LogEntry ToEntry(in DecodedEntry entry) =>
        new(entry.TimestampNanos, Encoding.UTF8.GetString(entry.Message), entry.Replica, entry.RequestId, entry.Level);

    private sealed record Decoded(LogEntry Entry, DecodeReport Report);
}
