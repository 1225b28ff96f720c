using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace LogViewer.Core.Tests.Replay;

/// <summary>
/// Random jsonl inputs for comparing replay paths: timestamps mostly rising with ties, lines late by up to a few
/// seconds (past the grouping window) and some far back, tracebacks and indented lines on a few replicas and none,
/// request ids, every level, blank and whitespace messages, text to filter on, unicode, escapes; and, in the file
/// itself, blank lines, a BOM, CRLF, malformed lines and invalid text.
/// </summary>
internal static class ReplayCorpus
{
    public static readonly string[] Words = ["loss", "step", "CUDA", "ok", "é✓", "request", "done"];

    private static readonly string?[] Replicas = ["aaaaa", "bbbbb", "ccccc", null];
    private static readonly string?[] RequestIds = ["r1", "r2", null, null];
    private static readonly string?[] Levels = ["DEBUG", "INFO", "WARNING", "ERROR", null, "TRACE"];
    private static readonly string[] Fixed =
    [
        "Traceback (most recent call last):",
        "  File \"x.py\", line 3, in f",
        "    raise ValueError('loss')",
        "ValueError: loss went NaN",
        "During handling of the above exception, another exception occurred:",
        "The above exception was the direct cause of the following exception:",
        "",
        "   ",
        "\tcontinued CUDA line",
        "tqdm 10%|#| 1/10\r",
    ];

    public static byte[] File(Random random, int lines)
    {
        var builder = new StringBuilder();
        if (random.Next(4) == 0)
        {
            builder.Append('\uFEFF');
        }

        var newline = random.Next(3) == 0 ? "\r\n" : "\n";
        long now = 1_732_300_000_000_000_000 + (random.Next(5) * 1_000_000_000L);
        for (var i = 0; i < lines; i++)
        {
            // Steps around the one-second window, so whether a line joins depends on its neighbours' times.
            now += random.Next(6) switch
            {
                0 => 0,
                1 => random.Next(1, 1000),
                2 => random.Next(100_000_000, 700_000_000),
                3 => 1_000_000_000,
                _ => random.Next(1, 60_000_000),
            };
            var timestamp = random.Next(25) switch
            {
                0 => now - random.NextInt64(1, 3_000_000_000),
                1 => now - 1_000_000_000,
                2 when random.Next(10) == 0 => now - (random.Next(1, 40) * 1_000_000_000L),
                _ => now,
            };
            builder.Append(random.Next(40) switch
            {
                0 => "",
                1 => "not json",
                2 => """{"timestamp":"soon","message":"x"}""",
                3 => Line(timestamp, "bad \\ud800 text " + Words[random.Next(Words.Length)], random),
                4 => "   ",
                _ => Line(timestamp, Message(random), random),
            });
            builder.Append(newline);
        }

        return Encoding.UTF8.GetBytes(builder.ToString());
    }

    private static string Message(Random random)
    {
        if (random.Next(3) == 0)
        {
            return JsonEncodedText.Encode(Fixed[random.Next(Fixed.Length)], JavaScriptEncoder.UnsafeRelaxedJsonEscaping).Value;
        }

        var words = Enumerable.Range(0, random.Next(1, 5)).Select(_ => Words[random.Next(Words.Length)]);
        var text = (random.Next(6) == 0 ? "  " : "") + string.Join(random.Next(2) == 0 ? " " : "=", words);
        return JsonEncodedText.Encode(text, random.Next(2) == 0 ? JavaScriptEncoder.Default : JavaScriptEncoder.UnsafeRelaxedJsonEscaping).Value;
    }

    private static string Line(long timestamp, string escapedMessage, Random random)
    {
        var replica = Replicas[random.Next(Replicas.Length)];
        var request = RequestIds[random.Next(RequestIds.Length)];
        var level = Levels[random.Next(Levels.Length)];
        return string.Create(CultureInfo.InvariantCulture,
            $$"""{"timestamp":"{{timestamp}}","message":"{{escapedMessage}}","replica":{{Json(replica)}},"request_id":{{Json(request)}},"level":{{Json(level)}}}""");
    }

    private static string Json(string? value) => value is null ? "null" : $"\"{value}\"";
}
