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
            < 15 => new ComposedLine($"\u001b[32mINFO\u001b[0m:     10.0.{random.Next(256)}.{random.Next(256)}:{random.Next(30000, 60000)} - \"POST /v1/predict HTTP/1.1\" \u001b[32m200 OK\u001b[0m", "INFO", requestId),
            < 20 => new ComposedLine($"\u001b[1;33mWARNING\u001b[0m \u001b[33mslow tokenizer path taken for batch of {random.Next(2, 64)}\u001b[0m", "WARNING", requestId),
            < 35 => new ComposedLine(Unicode[random.Next(Unicode.Length)], random.Next(2) == 0 ? "INFO" : null, requestId),
            < 45 => new ComposedLine($"step\t{random.Next(100000)}\tthroughput\t{random.Next(100, 4000)}\ttok/s", null, requestId),
            < 60 => new ComposedLine(JsonLine(random, requestId), random.Next(3) == 0 ? null : "INFO", requestId),
            < 64 => new ComposedLine(LongLine(random), random.Next(2) == 0 ? "DEBUG" : null, requestId),
            < 65 when random.Next(3) == 0 => Hostile(random),
            _ => null,
        };
    }

    private static ComposedLine Hostile(Random random) => random.Next(2) == 0
        ? new ComposedLine("\u001b]0;pwned\u0007user input echoed: \u001b[2J\u001b[Hcleared?", null, null)
        : new ComposedLine("payload with bell\u0007 and backspaces abc\b\b\bxyz and \u001b[31mred that never resets", "WARNING", null);

    private static string JsonLine(Random random, string? requestId) => string.Create(
        CultureInfo.InvariantCulture,
        $"{{\"event\":\"inference\",\"request_id\":\"{requestId ?? "none"}\",\"latency_ms\":{random.Next(5, 900)},\"tokens\":{random.Next(1, 2048)},\"cache_hit\":{(random.Next(2) == 0 ? "true" : "false")}}}");

    private static string LongLine(Random random)
    {
        var length = random.Next(2048, 10241);
        var builder = new StringBuilder(length + 32);
        builder.Append("prompt token ids: [");
        while (builder.Length < length)
        {
            builder.Append(random.Next(50000).ToString(CultureInfo.InvariantCulture)).Append(", ");
        }

        builder.Append(']');
        return builder.ToString();
    }
}
