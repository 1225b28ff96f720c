namespace LogViewer.Core.Credentials;

/// <summary>A fixed environment: for tests, and for the embedded simulator (which needs no real credentials).</summary>
public sealed class FixedEnvironment(IReadOnlyDictionary<string, string> variables, string homeDirectory) : IEnvironment
{
    public string? GetVariable(string name) => variables.TryGetValue(name, out var value) ? value : null;

    public string HomeDirectory => homeDirectory;
}
