namespace LogViewer.Tests;

public sealed class CliApplicationTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Theory]
    [InlineData(new[] { "--help" }, "deployment")]
    [InlineData(new[] { "deployment", "--help" }, "[<model_id> [<deployment_id>]]")]
    [InlineData(new[] { "training", "--help" }, "--no-exit")]
    [InlineData(new[] { "replay", "--help" }, "<FILE>")]
    public async Task Help_Works_And_Documents_Exit_Codes(string[] args, string expected)
    {
        // When help is asked for
        var run = await _cli.RunAsync(args);

        // Then it is printed with exit code 0 and the exit codes documented
        Assert.Equal(0, run.ExitCode);
        Assert.Contains(expected, run.Out);
        Assert.Contains("Exit codes: 0 ok", run.Out);
        Assert.Contains("3 authentication", run.Out);
        Assert.Contains("4 not found", run.Out);
    }

    [Theory]
    [InlineData(new[] { "deployment" }, "missing <model_id>: give the model's id or name")]
    [InlineData(new[] { "training", "--output", "text" }, "missing <training_project_id>: give the training project's id or name")]
    [InlineData(new[] { "deployment", "m", "d", "--bogus" }, "--bogus")]
    [InlineData(new[] { "nonsense" }, "nonsense")]
    [InlineData(new string[0], "the picker needs a terminal; give a target instead")]
    public async Task Parse_Errors_Exit_2_With_A_Clear_Line(string[] args, string expected)
    {
        // When the command line does not parse
        var run = await _cli.RunAsync(args);

        // Then exit code 2, the problem named, a pointer to help, nothing on stdout
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(run.ErrorLines, line => line.StartsWith("logviewer: ") && line.Contains(expected));
        Assert.Contains("--help' for usage.", run.ErrorLines[^1]);
        Assert.Empty(run.Out);
    }

    [Fact]
    public async Task Every_Bad_Value_Gets_Its_Own_Line_Before_Any_Network_Call()
    {
        // Given many bad values and a URL nobody may contact
        var run = await _cli.RunAsync(
            "deployment", "m", "d", "--since", "5x", "--from", "2026-01-01T00:00:00Z", "--level", "verbose", "--output", "html",
            "--poll-interval", "soon", "--max-lines", "-3", "--api-url", "http://192.0.2.1:9");

        // Then each is reported, in one line each, with exit code 2
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("logviewer: --since and --from cannot be used together: give a duration with --since, or a start time with --from.", run.ErrorLines);
        Assert.Contains("logviewer: --since 5x: expected a duration like 90s, 15m, 2h or 3d.", run.ErrorLines);
        Assert.Contains("logviewer: --level verbose: expected debug, info, warning or error.", run.ErrorLines);
        Assert.Contains("logviewer: --output html: expected tui, text or jsonl.", run.ErrorLines);
        Assert.Contains("logviewer: --poll-interval soon: expected a duration like 90s, 15m, 2h or 3d.", run.ErrorLines);
        Assert.Contains("logviewer: --max-lines -3: expected a whole number above 0.", run.ErrorLines);
        Assert.Contains(run.ErrorLines, line => line.StartsWith("logviewer: --api-url http://192.0.2.1:9: plain http is only allowed to a loopback host"));
    }

    [Fact]
    public async Task Bad_Time_And_Reversed_Range_Are_Named()
    {
        // When --from is not a time and --to is before --from
        var bad = await _cli.RunAsync("deployment", "m", "d", "--from", "yesterday");
        var reversed = await _cli.RunAsync("deployment", "m", "d", "--from", "2026-01-02T00:00:00Z", "--to", "2026-01-01T00:00:00Z");

        // Then each says what was expected
        Assert.Equal(2, bad.ExitCode);
        Assert.StartsWith("logviewer: --from yesterday: expected an ISO-8601 time", bad.ErrorLines[0]);
        Assert.Equal(2, reversed.ExitCode);
        Assert.Contains("is after --to 2026-01-01T00:00:00Z", reversed.ErrorLines[0]);
    }

    [Fact]
    public async Task Training_With_Deployment_Only_Filters_Is_A_Usage_Error()
    {
        // When a training job is filtered by replica and include
        var run = await _cli.RunAsync("training", "p", "j", "--replica", "ab12c", "--include", "loss");

        // Then the filters are named and the exit code is 2
        Assert.Equal(2, run.ExitCode);
        Assert.Equal("logviewer: --replica, --include: only deployment logs can be filtered this way; the training job logs API accepts --level only.", run.ErrorLines[0]);
    }

    [Fact]
    public async Task Too_Many_Includes_Are_Refused_Before_Sending()
    {
        // When nine --include terms are given
        var args = new List<string> { "deployment", "m", "d" };
        for (var i = 0; i < 9; i++)
        {
            args.AddRange(["--include", $"t{i}"]);
        }

        var run = await _cli.RunAsync([.. args]);

        // Then the API's limit is named
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("At most 8 include terms are allowed (got 9).", run.Error);
    }

    [Fact]
    public async Task No_Key_Anywhere_Exits_3_With_How_To_Set_One()
    {
        // Given no key in the environment and no trussrc
        // When a deployment is tailed
        var run = await _cli.RunAsync("deployment", "m", "d", "--output", "text");

        // Then exit code 3 and one line saying how to set a key
        Assert.Equal(3, run.ExitCode);
        var line = Assert.Single(run.ErrorLines);
        Assert.StartsWith("logviewer: No API key found: set BASETEN_API_KEY, pass --api-key-file PATH", line);
    }

    [Fact]
    public async Task Missing_Key_File_Exits_3_Naming_The_File()
    {
        // When the key file does not exist
        var path = Path.Combine(_cli.Home, "missing.key");
        var run = await _cli.RunAsync("deployment", "m", "d", "--api-key-file", path, "--output", "text");

        // Then exit code 3 with the file named
        Assert.Equal(3, run.ExitCode);
        Assert.Equal($"logviewer: --api-key-file {path}: no such file.", Assert.Single(run.ErrorLines));
    }

    [Fact]
    public async Task Plain_Http_From_The_Environment_Is_Refused_With_Exit_2()
    {
        // Given a key and BASETEN_API_URL pointing at a non-loopback plain-http host nobody listens on
        _cli.Variables["BASETEN_API_KEY"] = "sk_test_0000a1b2c3d4";
        _cli.Variables["BASETEN_API_URL"] = "http://192.0.2.1:9";

        // When a deployment is tailed
        var run = await _cli.RunAsync("deployment", "m", "d", "--output", "text");

        // Then it is refused at once, the key nowhere
        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("logviewer: BASETEN_API_URL http://192.0.2.1:9: plain http is only allowed to a loopback host", Assert.Single(run.ErrorLines));
        Assert.DoesNotContain("sk_test_0000a1b2c3d4", run.Error + run.Out);
    }
}
