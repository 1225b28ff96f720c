using System.CommandLine;
using System.CommandLine.Invocation;
using System.Reflection;
using LogViewer.Cli;

namespace LogViewer.Commands;

/// <summary>
/// <c>logviewer --version</c>: the package version and the commit it was built from, which the SDK stamps into the
/// informational version as <c>0.1.0+&lt;sha&gt;</c> when it builds inside a git checkout.
/// </summary>
internal sealed class VersionText : SynchronousCommandLineAction
{
    private readonly CliServices _services;

    public VersionText(CliServices services) => _services = services;

    /// <summary>"logviewer 0.1.0 (commit 0f1fef36070)", or "(commit unknown)" for a build outside git.</summary>
    public static string Describe(string? informationalVersion)
    {
        var text = informationalVersion ?? "0.0.0";
        var plus = text.IndexOf('+', StringComparison.Ordinal);
        var version = plus < 0 ? text : text[..plus];
        var commit = plus < 0 ? "unknown" : text[(plus + 1)..];
        return $"logviewer {version} (commit {(commit.Length > 12 ? commit[..12] : commit)})";
    }

    public static string Current =>
        Describe(typeof(VersionText).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion);

    public override int Invoke(ParseResult parseResult)
    {
        _services.Console.Out.WriteLine(Current);
        return ExitCodes.Ok;
    }
}
