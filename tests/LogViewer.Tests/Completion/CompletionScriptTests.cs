namespace LogViewer.Tests.Completion;

/// <summary><c>logviewer completion</c>: the scripts load in their shell and complete what the command line accepts.</summary>
public sealed class CompletionScriptTests : IDisposable
{
    private readonly CliHarness _cli = new();
    private readonly string _scripts = Directory.CreateTempSubdirectory("lv-completion-").FullName;

    public void Dispose()
    {
        _cli.Dispose();
        Directory.Delete(_scripts, recursive: true);
    }

    [Fact]
    public async Task Bash_Script_Parses_And_Registers_Itself()
    {
        var script = await WriteScriptAsync("bash");

        var check = await ShellRun.BashAsync($"bash -n '{script}' && source '{script}' && complete -p logviewer");

        Assert.Equal(0, check.ExitCode);
        Assert.Equal("complete -o default -F _logviewer logviewer", check.Out.Trim());
    }

    [Theory]
    // logviewer alone is the picker, so its options are offered with the commands
    [InlineData("logviewer ''", "deployment training demo simulate replay pick completion --help -h --version --api-url --api-key-file --remote --poll-interval --lookback --max-lines --utc --no-mouse --fresh --no-title --notify --alert")]
    [InlineData("logviewer pi", "pick")]
    [InlineData("logviewer re", "replay")]
    [InlineData("logviewer deployment m d --level ''", "debug error info warning")]
    [InlineData("logviewer replay x.jsonl -o ''", "jsonl text tui")]
    [InlineData("logviewer replay --gr", "--grep")]
    [InlineData("logviewer demo --dep", "--deployment")]
    [InlineData("logviewer completion ''", "bash fish zsh")]
    public async Task Bash_Completes_Commands_Options_And_Values(string line, string expected)
    {
        var script = await WriteScriptAsync("bash");

        // Given the words of a command line with the cursor on the last one, as bash hands them over
        var run = await ShellRun.BashAsync(
            $"source '{script}'; COMP_WORDS=({line}); COMP_CWORD=$((${{#COMP_WORDS[@]}} - 1)); _logviewer; printf '%s\\n' \"${{COMPREPLY[@]}}\" | sort | paste -sd ' '");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Join(' ', expected.Split(' ').Order(StringComparer.Ordinal)), run.Out.Trim());
    }

    [Fact]
    public async Task Bash_Leaves_File_Arguments_To_Bash()
    {
        var script = await WriteScriptAsync("bash");

        var run = await ShellRun.BashAsync($"source '{script}'; COMP_WORDS=(logviewer replay ''); COMP_CWORD=2; _logviewer; echo \"n=${{#COMPREPLY[@]}}\"");

        // Nothing offered, so `complete -o default` falls back to file names
        Assert.Equal("n=0", run.Out.Trim());
    }

    [Theory]
    [InlineData("zsh", "'--level[Minimum level: debug, info, warning or error (drops lines without a level)]:value:(debug error info warning)'")]
    [InlineData("zsh", "'(--output -o)'{--output,-o}'[tui, text or jsonl]:value:(jsonl text tui)'")]
    [InlineData("zsh", "'--api-key-file[Read the API key from this file]:path:_files'")]
    [InlineData("fish", "complete -c logviewer -n '__fish_seen_subcommand_from replay' -l level -x -a 'debug error info warning'")]
    [InlineData("fish", "complete -c logviewer -n '__fish_seen_subcommand_from demo' -l output -s o -x -a 'jsonl text tui'")]
    [InlineData("fish", "complete -c logviewer -n '__fish_seen_subcommand_from replay' -F")]
    public async Task Zsh_And_Fish_Scripts_Hold_Options_And_Their_Values(string shell, string expected)
    {
        var run = await _cli.RunAsync("completion", shell);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains(expected, run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_Unknown_Shell_Is_A_Usage_Error()
    {
        var run = await _cli.RunAsync("completion", "powershell");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("powershell", run.Error, StringComparison.Ordinal);
    }

    private async Task<string> WriteScriptAsync(string shell)
    {
        var run = await _cli.RunAsync("completion", shell);
        Assert.Equal(0, run.ExitCode);
        var path = Path.Combine(_scripts, "logviewer." + shell);
        await File.WriteAllTextAsync(path, run.Out);
        return path;
    }
}
