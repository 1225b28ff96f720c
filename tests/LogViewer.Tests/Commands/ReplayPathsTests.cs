using System.IO.Compression;
using LogViewer.Core.Tests.Replay;

namespace LogViewer.Tests.Commands;

/// <summary>
/// <c>replay --output text</c> goes through the filtered replay (no store); the TUI's path reads a store and a filtered
/// view, and in this harness the TUI's place is taken by the same text writer. Both must write the same bytes on
/// stdout and stderr for random inputs (several files, gzip, standard input) and random filter options.
/// </summary>
public sealed class ReplayPathsTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public async Task Text_Output_Writes_What_The_Store_Path_Writes(int seed)
    {
        var random = new Random(seed);
        var files = new List<string>();
        for (var i = 0; i < random.Next(1, 4); i++)
        {
            var bytes = ReplayCorpus.File(random, random.Next(100, 3_000));
            var path = Path.Combine(_cli.Home, $"in{i}.jsonl" + (i == 1 ? ".gz" : ""));
            await File.WriteAllBytesAsync(path, i == 1 ? Gzip(bytes) : bytes);
            files.Add(path);
        }

        for (var round = 0; round < 12; round++)
        {
            var filters = RandomFilterOptions(random);
            var store = await _cli.RunAsync(["replay", .. files, .. filters, "--output", "tui", "--utc"]);
            var streamed = await _cli.RunAsync(["replay", .. files, .. filters, "--output", "text", "--utc"]);
            Assert.Equal(store.ExitCode, streamed.ExitCode);
            Assert.Equal(store.Out, streamed.Out);
            Assert.Equal(store.Error, streamed.Error);

            // --max-lines: the first lines of the same output (the TUI keeps the newest instead, so it is not compared).
            var max = random.Next(1, 50);
            var limited = await _cli.RunAsync(["replay", .. files, .. filters, "--output", "text", "--utc", "--max-lines", $"{max}"]);
            Assert.Equal(store.OutLines.Take(max), limited.OutLines);
            Assert.Equal(store.Error, limited.Error);
        }
    }

    [Fact]
    public async Task Standard_Input_Is_Replayed_As_The_Same_File_Is()
    {
        var random = new Random(7);
        var bytes = ReplayCorpus.File(random, 2_000);
        var path = Path.Combine(_cli.Home, "in.jsonl");
        await File.WriteAllBytesAsync(path, bytes);
        var piped = new CliHarness { StandardInput = () => new MemoryStream(bytes) };
        try
        {
            foreach (var output in new[] { "text", "jsonl" })
            {
                var fromFile = await _cli.RunAsync("replay", path, "--include", "loss", "--output", output, "--utc");
                var fromStdin = await piped.RunAsync("replay", "-", "--include", "loss", "--output", output, "--utc");
                Assert.Equal(fromFile.Out, fromStdin.Out);
                Assert.Equal(fromFile.Error.Replace(path, "standard input", StringComparison.Ordinal), fromStdin.Error);
            }
        }
        finally
        {
            piped.Dispose();
        }
    }

    private static string[] RandomFilterOptions(Random random)
    {
        string Word() => ReplayCorpus.Words[random.Next(ReplayCorpus.Words.Length)];
        var options = new List<string>();
        for (var i = random.Next(3); i > 0; i--)
        {
            options.AddRange(["--include", Word()]);
        }

        if (random.Next(4) == 0)
        {
            options.AddRange(["--exclude", Word()]);
        }

        if (random.Next(4) == 0)
        {
            options.AddRange(["--level", new[] { "debug", "info", "warning", "error" }[random.Next(4)]]);
        }

        if (random.Next(5) == 0)
        {
            options.AddRange(["--replica", "aaaaa"]);
        }

        if (random.Next(8) == 0)
        {
            options.AddRange(["--request-id", "r1"]);
        }

        if (random.Next(5) == 0)
        {
            options.AddRange(["--grep", "lo+s|CUD[A-Z]|^  "]);
        }

        return [.. options];
    }

    private static byte[] Gzip(byte[] bytes)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
        {
            gzip.Write(bytes);
        }

        return output.ToArray();
    }
}
