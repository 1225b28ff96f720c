using LogViewer.Core.Model;
using LogViewer.Core.Output;

namespace LogViewer.Tests.Commands;

public sealed class ReplayCommandTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    private string WriteFile(params string[] lines)
    {
        var path = Path.Combine(_cli.Home, "saved.jsonl");
        File.WriteAllLines(path, lines);
        return path;
    }

    private static string Json(long nanos, string message, string? replica, LogLevel level) =>
        new JsonLinesFormatter().Format(new LogEntry(nanos, message, replica, null, level));

    [Fact]
    public async Task Replay_Writes_The_File_Back_In_Timestamp_Order_As_Jsonl()
    {
        // Given a saved file whose lines are out of order
        var lines = new[] { Json(3_000, "third", "ab12c", LogLevel.Info), Json(1_000, "first", null, LogLevel.None), Json(2_000, "second é", "zz9zz", LogLevel.Error) };
        var path = WriteFile(lines);

        // When it is replayed as jsonl
        var run = await _cli.RunAsync("replay", path, "--output", "jsonl");

        // Then the same lines come back, sorted, and a summary goes to stderr
        Assert.Equal(0, run.ExitCode);
        Assert.Equal([lines[1], lines[2], lines[0]], run.OutLines);
        Assert.Equal($"logviewer: replayed 3 of 3 lines from {path}", Assert.Single(run.ErrorLines));
    }

    [Fact]
    public async Task Max_Lines_Stops_After_N_Lines_And_Repaired_Text_Is_Reported_Once()
    {
        // Given four lines, two of them with text that is not valid (a lone surrogate escape)
        var path = WriteFile(
            Json(1_000, "one", null, LogLevel.Info),
            """{"timestamp":"2000","message":"bad \ud800 two","replica":null,"request_id":null,"level":"INFO"}""",
            """{"timestamp":"3000","message":"bad \udfff three","replica":null,"request_id":null,"level":"INFO"}""",
            Json(4_000, "four", null, LogLevel.Info));

        // When the first two are written as text
        var run = await _cli.RunAsync("replay", path, "--output", "text", "--utc", "--max-lines", "2");

        // Then two lines are written, the bad one with U+FFFD, and stderr says so once for both
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(2, run.OutLines.Length);
        Assert.EndsWith("bad \uFFFD two", run.OutLines[1], StringComparison.Ordinal);
        Assert.Contains($"{path}: 2 messages had invalid text, shown with U+FFFD.", run.ErrorLines);
    }

    [Fact]
    public async Task Malformed_Lines_Are_Reported_Once_With_The_First_And_Skipped()
    {
        // Given a file with two bad lines among good ones
        var path = WriteFile(Json(1_000, "ok one", null, LogLevel.Info), "this is not json", Json(2_000, "ok two", null, LogLevel.Info), """{"timestamp":"soon","message":"x"}""");

        // When it is replayed as text
        var run = await _cli.RunAsync("replay", path, "--output", "text", "--utc");

        // Then the good ones are printed, and stderr says once how many were skipped and where the first was
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(2, run.OutLines.Length);
        var summary = Assert.Single(run.ErrorLines);
        Assert.StartsWith($"logviewer: replayed 2 of 2 lines from {path}; skipped 2 lines (first at line 2: ", summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Filters_Apply_Locally()
    {
        // Given lines of several levels, replicas and texts
        var path = WriteFile(
            Json(1_000, "loss=0.5 step 1", "aaaaa", LogLevel.Info),
            Json(2_000, "loss=0.4 step 2", "bbbbb", LogLevel.Info),
            Json(3_000, "loss=0.3 step 3 noisy", "aaaaa", LogLevel.Warning),
            Json(4_000, "no level loss=0.2", "aaaaa", LogLevel.None),
            Json(5_000, "loss=0.1 step 5", "aaaaa", LogLevel.Error));

        // When filtered by level, replica, include, exclude and grep
        var run = await _cli.RunAsync("replay", path, "--output", "jsonl", "--level", "info", "--replica", "aaaaa", "--include", "loss", "--exclude", "noisy", "--grep", @"step \d");

        // Then only the lines passing every filter remain
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["loss=0.5 step 1", "loss=0.1 step 5"], run.OutLines.Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement.GetProperty("message").GetString()));
    }

    [Fact]
    public async Task Missing_File_And_Bad_Pattern_Are_Usage_Errors()
    {
        // When the file is missing and the pattern does not compile
        var run = await _cli.RunAsync("replay", Path.Combine(_cli.Home, "none.jsonl"), "--grep", "(");

        // Then both are named, exit 2
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(run.ErrorLines, line => line.StartsWith("logviewer: --grep (: "));
        Assert.Contains(run.ErrorLines, line => line.EndsWith("none.jsonl: no such file."));
    }

    [Theory]
    [InlineData(true, null, true)]
    [InlineData(true, "1", false)]
    [InlineData(false, null, false)]
    public async Task Text_Is_Coloured_Only_On_A_Terminal_Without_NO_COLOR(bool terminal, string? noColor, bool coloured)
    {
        // Given a saved error line, and stdout a terminal or not, NO_COLOR set or not
        using var cli = new CliHarness { OutputIsTerminal = terminal };
        if (noColor is not null)
        {
            cli.Variables["NO_COLOR"] = noColor;
        }

        var path = Path.Combine(cli.Home, "one.jsonl");
        await File.WriteAllLinesAsync(path, [Json(1_000, "boom", "ab12c", LogLevel.Error)]);

        // When it is replayed as text
        var run = await cli.RunAsync("replay", path, "--output", "text", "--utc");

        // Then colour escapes appear only when both allow them
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(coloured, run.Out.Contains('\u001b'));
        Assert.Contains("ERROR", run.Out);
    }
}
