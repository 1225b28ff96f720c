using System.IO.Compression;
using System.Text;
using LogViewer.Core.Model;
using LogViewer.Core.Output;

namespace LogViewer.Tests.Commands;

/// <summary><c>replay</c> from anywhere: standard input, gzip, several files merged by time, and files that are not LogV1.</summary>
public sealed class ReplayInputTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Dash_Reads_Standard_Input()
    {
        var piped = string.Join('\n', Json(2_000, "second"), Json(1_000, "first")) + "\n";
        using var cli = new CliHarness { StandardInput = () => new MemoryStream(Encoding.UTF8.GetBytes(piped)) };

        var run = await cli.RunAsync("replay", "-", "--output", "jsonl");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal([Json(1_000, "first"), Json(2_000, "second")], run.OutLines);
        Assert.Equal("logviewer: replayed 2 of 2 lines from standard input", Assert.Single(run.ErrorLines));
    }

    [Fact]
    public async Task Gzip_Files_Are_Read_Compressed_Whatever_Their_Name()
    {
        var path = Path.Combine(_cli.Home, "old.jsonl.gz");
        await using (var gzip = new GZipStream(File.Create(path), CompressionLevel.Fastest))
        {
            await gzip.WriteAsync(Encoding.UTF8.GetBytes(Json(1_000, "from gzip") + "\n"));
        }

        File.Copy(path, Path.Combine(_cli.Home, "renamed.jsonl"));

        var run = await _cli.RunAsync("replay", path, Path.Combine(_cli.Home, "renamed.jsonl"), "--output", "jsonl");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal([Json(1_000, "from gzip"), Json(1_000, "from gzip")], run.OutLines);
    }

    [Fact]
    public async Task Several_Files_Are_Merged_By_Time()
    {
        var a = Write("a.jsonl", Json(1_000, "a1"), Json(3_000, "a3"), Json(5_000, "a5"));
        var b = Write("b.jsonl", Json(2_000, "b2"), Json(4_000, "b4"));

        var run = await _cli.RunAsync("replay", a, b, "--output", "jsonl");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["a1", "b2", "a3", "b4", "a5"], run.OutLines.Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement.GetProperty("message").GetString()));
        Assert.Equal($"logviewer: replayed 5 of 5 lines from {a}, {b}", Assert.Single(run.ErrorLines));
    }

    [Fact]
    public async Task A_File_That_Is_Not_LogV1_Exits_2_With_One_Line()
    {
        // Given a plain text log, thousands of lines, none of them JSON
        var path = Write("app.log", [.. Enumerable.Range(0, 5000).Select(i => $"2026-11-20 09:00:{i % 60:00} INFO request {i} done")]);

        var run = await _cli.RunAsync("replay", path, "--output", "text");

        // Then one line names the file, the first bad line and what was expected, and nothing is printed
        Assert.Equal(2, run.ExitCode);
        Assert.Empty(run.Out);
        var line = Assert.Single(run.ErrorLines);
        Assert.StartsWith($"logviewer: {path}: not LogV1 JSON lines (line 1: ", line, StringComparison.Ordinal);
        Assert.EndsWith("expected one JSON object per line with timestamp, message, replica, request_id and level, as --output jsonl writes.", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_File_With_Three_Bad_Lines_Loads_The_Rest_And_Says_So_Once()
    {
        var lines = Enumerable.Range(0, 30).Select(i => Json(1_000 + i, $"m{i}")).ToList();
        lines[16] = "{not json";
        lines[20] = "plain words";
        lines[25] = "{\"timestamp\":";
        var path = Write("some-bad.jsonl", [.. lines]);

        var run = await _cli.RunAsync("replay", path, "--output", "text");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(27, run.OutLines.Length);
        var summary = Assert.Single(run.ErrorLines);
        Assert.StartsWith($"logviewer: replayed 27 of 27 lines from {path}; skipped 3 lines (first at line 17: not valid JSON", summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Standard_Input_Twice_Is_A_Usage_Error()
    {
        var run = await _cli.RunAsync("replay", "-", "-");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("logviewer: -: standard input can be read only once.", run.ErrorLines);
    }

    [Fact]
    public async Task A_Pipe_From_Zcat_Replays_In_The_Real_Process()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var path = Path.Combine(_cli.Home, "old.jsonl.gz");
        await using (var gzip = new GZipStream(File.Create(path), CompressionLevel.Fastest))
        {
            await gzip.WriteAsync(Encoding.UTF8.GetBytes(string.Join('\n', Json(2_000, "two"), Json(1_000, "one")) + "\n"));
        }

        var run = await ShellRun.BashAsync($"gzip -dc '{path}' | {ShellRun.Logviewer} replay - --output text --utc");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(2, run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.EndsWith("one", run.Out.Split('\n')[0], StringComparison.Ordinal);
        Assert.Contains("replayed 2 of 2 lines from standard input", run.Error, StringComparison.Ordinal);
    }

    private string Write(string name, params string[] lines)
    {
        var path = Path.Combine(_cli.Home, name);
        File.WriteAllLines(path, lines);
        return path;
    }

    private static string Json(long nanos, string message) =>
        new JsonLinesFormatter().Format(new LogEntry(nanos, message, "r-1", null, LogLevel.Info));
}
