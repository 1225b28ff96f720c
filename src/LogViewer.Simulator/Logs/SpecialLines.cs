using System.Globalization;
using System.Text;

namespace LogViewer.Simulator.Logs;

/// <summary>
/// The awkward lines every target prints now and then: colours, terminal escapes, wide characters, tabs,
/// JSON and very long lines. A viewer must show them safely; the simulator makes sure it gets them.
/// </summary>
internal static class SpecialLines
{
    private static readonly string[] Unicode =
    [
        "生成结果: 你好，世界 — prompt tokens=42",
        "🚀 model warm: latency p50=38ms p99=122ms ✅",
        "Ответ модели: Привет, мир",
        "日本語のトークナイザを読み込みました (語彙数 32000)",
        "emoji in output: 👩‍💻🧪🔥 and combining é (e\u0301)",
        "한국어 응답 생성 완료 ✨",
    ];

    /// <summary>One special line, or null to let the composer write an ordinary one.</summary>
    public static ComposedLine? Maybe(Random random, string? requestId)
    {
        var roll = random.Next(1000);
        return roll switch
        {
            < 15 => ColouredAccess(random, requestId),
            < 20 => SlowTokenizer(random.Next(2, 64), requestId),
            < 35 => new ComposedLine(Unicode[random.Next(Unicode.Length)], random.Next(2) == 0 ? "INFO" : null, requestId),
            < 45 => TabbedStep(random, requestId),
            < 60 => new ComposedLine(JsonLine(random, requestId), random.Next(3) == 0 ? null : "INFO", requestId),
            < 64 => new ComposedLine(LongLine(random), random.Next(2) == 0 ? "DEBUG" : null, requestId),
            < 65 when random.Next(3) == 0 => Hostile(random),
            _ => null,
        };
    }

    private static ComposedLine Hostile(Random random) => random.Next(2) == 0
        ? new ComposedLine("\u001b]0;pwned\u0007user input echoed: \u001b[2J\u001b[Hcleared?", null, null)
        : new ComposedLine("payload with bell\u0007 and backspaces abc\b\b\bxyz and \u001b[31mred that never resets", "WARNING", null);

    // Each line draws its values first, in the order the text uses them, and writes the text when it is read.
    private static ComposedLine ColouredAccess(Random random, string? requestId)
    {
        var (a, b, port) = (random.Next(256), random.Next(256), random.Next(30000, 60000));
        return new ComposedLine(LineText.Later((a, b, port), static v => string.Create(CultureInfo.InvariantCulture, $"\u001b[32mINFO\u001b[0m:     10.0.{v.a}.{v.b}:{v.port} - \"POST /v1/predict HTTP/1.1\" \u001b[32m200 OK\u001b[0m")), "INFO", requestId);
    }

    private static ComposedLine SlowTokenizer(int batch, string? requestId) =>
        new(LineText.Later(batch, static v => string.Create(CultureInfo.InvariantCulture, $"\u001b[1;33mWARNING\u001b[0m \u001b[33mslow tokenizer path taken for batch of {v}\u001b[0m")), "WARNING", requestId);

    private static ComposedLine TabbedStep(Random random, string? requestId)
    {
        var (step, throughput) = (random.Next(100000), random.Next(100, 4000));
        return new ComposedLine(LineText.Later((step, throughput), static v => string.Create(CultureInfo.InvariantCulture, $"step\t{v.step}\tthroughput\t{v.throughput}\ttok/s")), null, requestId);
    }

    private static LineText JsonLine(Random random, string? requestId)
    {
        var (latency, tokens, hit) = (random.Next(5, 900), random.Next(1, 2048), random.Next(2) == 0);
        return LineText.Later((requestId, latency, tokens, hit), static v => string.Create(
            CultureInfo.InvariantCulture,
            $"{{\"event\":\"inference\",\"request_id\":\"{v.requestId ?? "none"}\",\"latency_ms\":{v.latency},\"tokens\":{v.tokens},\"cache_hit\":{(v.hit ? "true" : "false")}}}"));
    }

    private static LineText LongLine(Random random)
    {
        // As many ids as the written text needs to reach the drawn length: each adds its digits and ", ".
        const string Head = "prompt token ids: [";
        var length = random.Next(2048, 10241);
        var ids = new List<int>(length / 6);
        for (var written = Head.Length; written < length;)
        {
            var id = random.Next(50000);
            ids.Add(id);
            written += DigitCount(id) + 2;
        }

        return LineText.Later((length, ids), static v =>
        {
            var builder = new StringBuilder(v.length + 32);
            builder.Append(Head);
            foreach (var id in v.ids)
            {
                builder.Append(id.ToString(CultureInfo.InvariantCulture)).Append(", ");
            }

            return builder.Append(']').ToString();
        });
    }

    private static int DigitCount(int value) => value < 10 ? 1 : value < 100 ? 2 : value < 1000 ? 3 : value < 10000 ? 4 : 5;
}
