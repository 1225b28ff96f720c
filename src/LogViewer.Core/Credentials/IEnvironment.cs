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
