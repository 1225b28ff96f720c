namespace LogViewer.Core.Credentials;

/// <summary>
/// The process environment as credential and endpoint resolution sees it: variables and the home directory.
/// Injected so tests never read the real environment or the real <c>~/.trussrc</c>.
/// </summary>
public interface IEnvironment
{
    string? GetVariable(string name);

    string HomeDirectory { get; }
}

/// <summary>The real process environment.</summary>
public sealed class ProcessEnvironment : IEnvironment
{
    public static ProcessEnvironment Instance { get; } = new();

    public string? GetVariable(string name) => Environment.GetEnvironmentVariable(name);

    public string HomeDirectory => Environment.GetFolderPath(Environment.SpecialFolder.UserProfile, Environment.SpecialFolderOption.DoNotVerify);
}

/// <summary>A fixed environment: for tests, and for the embedded simulator (which needs no real credentials).</summary>
public sealed class FixedEnvironment(IReadOnlyDictionary<string, string> variables, string homeDirectory) : IEnvironment
{
    public string? GetVariable(string name) => variables.TryGetValue(name, out var value) ? value : null;

    public string HomeDirectory => homeDirectory;
}
