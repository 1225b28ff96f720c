using LogViewer.Commands;
using LogViewer.Core.Credentials;

namespace LogViewer.Tests.Commands;

public sealed class VersionAndPrefixTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("lv-prefix-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Theory]
    [InlineData("0.1.0+0f1fef3607037dab4554874cb00d4eeef5a8dcc6", "logviewer 0.1.0 (commit 0f1fef360703)")]
    [InlineData("0.1.0", "logviewer 0.1.0 (commit unknown)")]
    public void Version_Names_The_Version_And_The_Commit(string informational, string expected) =>
        Assert.Equal(expected, VersionText.Describe(informational));

    [Fact]
    public async Task Version_Option_Prints_This_Build()
    {
        using var cli = new CliHarness();

        var run = await cli.RunAsync("--version");

        Assert.Equal(0, run.ExitCode);
        Assert.Matches(@"^logviewer \d+\.\d+\.\d+ \(commit ([0-9a-f]{12}|unknown)\)$", run.Out.Trim());
    }

    [Fact]
    public async Task Output_Redirected_To_A_File_Keeps_What_The_Shell_Writes_After_It()
    {
        // Given the real process writing into a file the shell keeps writing to
        var file = Path.Combine(_root, "out.txt");

        var run = await ShellRun.BashAsync($"{{ {ShellRun.Logviewer} --version; echo after; }} > '{file}'");

        // Then neither overwrites the other
        Assert.Equal(0, run.ExitCode);
        var lines = await File.ReadAllLinesAsync(file);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("logviewer ", lines[0], StringComparison.Ordinal);
        Assert.Equal("after", lines[1]);
    }

    [Fact]
    public void Prefix_Is_The_Installed_Tool_When_It_Is_On_Path()
    {
        var bin = Directory.CreateDirectory(Path.Combine(_root, "tools")).FullName;
        File.WriteAllText(Path.Combine(bin, "logviewer"), "#!/bin/sh\n");
        var environment = new FixedEnvironment(new Dictionary<string, string> { ["PATH"] = $"/nonexistent{Path.PathSeparator}{bin}" }, _root);

        Assert.Equal("logviewer", CommandPrefix.For(environment, AppContext.BaseDirectory, _root, "/usr/bin/dotnet"));
    }

    [Fact]
    public void Prefix_Is_Dotnet_Run_Relative_To_Where_The_User_Is_In_A_Checkout()
    {
        // Given a checkout with the executable built under src/LogViewer/bin and no logviewer on PATH
        var project = Directory.CreateDirectory(Path.Combine(_root, "src", "LogViewer")).FullName;
        File.WriteAllText(Path.Combine(project, "LogViewer.csproj"), "<Project />");
        var output = Directory.CreateDirectory(Path.Combine(project, "bin", "Debug", "net10.0")).FullName;
        var environment = new FixedEnvironment(new Dictionary<string, string> { ["PATH"] = "/nonexistent" }, _root);

        Assert.Equal("dotnet run --project src/LogViewer --", CommandPrefix.For(environment, output, _root, "/usr/bin/dotnet"));
        Assert.Equal("dotnet run --project ../LogViewer --", CommandPrefix.For(environment, output, Path.Combine(_root, "src", "Other"), "/usr/bin/dotnet"));
    }
}
