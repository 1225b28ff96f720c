namespace LogViewer.Core.Credentials;

/// <summary>
/// Finds the API key and the API root the way Baseten's tooling does. Key precedence: <c>--api-key-file</c>,
/// <c>BASETEN_API_KEY</c>, <c>BASETEN_TRUSS_AUTH_REMOTE_URL</c> with <c>BASETEN_TRUSS_AUTH_API_KEY</c>, then the
/// remote's <c>api_key</c> in <c>~/.trussrc</c> (<c>USER_TRUSSRC_PATH</c> overrides the path). Endpoint precedence:
/// <c>--api-url</c>, <c>BASETEN_API_URL</c>, the remote URL that came with the key source (truss auth variables or
/// the trussrc remote) mapped from <c>app.</c> to <c>api.</c>, then <c>https://api.baseten.co</c>. Nothing here
/// touches the network: resolution fails before any client exists.
/// </summary>
public sealed class ConnectionResolver(IEnvironment environment)
{
    public const string DefaultRemote = "baseten";
    public const string ApiKeyVariable = "BASETEN_API_KEY";
    public const string ApiUrlVariable = "BASETEN_API_URL";
    public const string TrussAuthUrlVariable = "BASETEN_TRUSS_AUTH_REMOTE_URL";
    public const string TrussAuthKeyVariable = "BASETEN_TRUSS_AUTH_API_KEY";
    public const string TrussrcPathVariable = "USER_TRUSSRC_PATH";

    private const string HowToSetAKey = "set BASETEN_API_KEY, pass --api-key-file PATH, or add api_key to a [baseten] section of ~/.trussrc";

    /// <exception cref="EndpointException">The URL is unusable or plain http to a non-loopback host.</exception>
    /// <exception cref="CredentialException">No usable key.</exception>
    public ApiConnection Resolve(ConnectionRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var remote = string.IsNullOrWhiteSpace(request.Remote) ? DefaultRemote : request.Remote.Trim();
        var (credential, remoteUrl) = ResolveCredential(request.ApiKeyFile, remote);
        return new ApiConnection(ResolveEndpoint(request.ApiUrl, remoteUrl), credential);
    }

    /// <summary>The endpoint alone, for checks that must happen before a key is looked for.</summary>
    public Uri ResolveEndpoint(string? apiUrl, (string Url, string Source)? remoteUrl = null)
    {
        if (!string.IsNullOrWhiteSpace(apiUrl))
        {
            return ApiEndpoint.Parse(apiUrl, "--api-url");
        }

        if (Variable(ApiUrlVariable) is { } fromEnvironment)
        {
            return ApiEndpoint.Parse(fromEnvironment, ApiUrlVariable);
        }

        return remoteUrl is { } remote
            ? ApiEndpoint.Parse(ApiEndpoint.FromRemoteUrl(remote.Url), remote.Source)
            : ApiEndpoint.Default;
    }

    private (ApiCredential Credential, (string Url, string Source)? RemoteUrl) ResolveCredential(string? apiKeyFile, string remote)
    {
        var trussrcPath = TrussrcPath;
        if (!string.IsNullOrWhiteSpace(apiKeyFile))
        {
            return (FromKeyFile(apiKeyFile), RemoteUrlOf(trussrcPath, remote));
        }

        if (Variable(ApiKeyVariable) is { } key)
        {
            return (new ApiCredential(key, ApiKeyVariable), RemoteUrlOf(trussrcPath, remote));
        }

        if (Variable(TrussAuthKeyVariable) is { } trussKey && Variable(TrussAuthUrlVariable) is { } trussUrl)
        {
            return (new ApiCredential(trussKey, TrussAuthKeyVariable), (trussUrl, TrussAuthUrlVariable));
        }

        var file = TrussrcFile.TryLoad(trussrcPath)
            ?? throw new CredentialException($"No API key found: {HowToSetAKey} (no file at {trussrcPath}).");
        if (!file.HasSection(remote))
        {
            var sections = file.Sections.Count == 0 ? "it has none" : "it has: " + string.Join(", ", file.Sections);
            throw new CredentialException($"{trussrcPath} has no [{remote}] section ({sections}); pick one with --remote NAME, or {HowToSetAKey}.");
        }

        var fileKey = file.Get(remote, "api_key")
            ?? throw new CredentialException($"The [{remote}] section of {trussrcPath} has no api_key; add one, or {HowToSetAKey}.");
        var source = $"{trussrcPath} [{remote}]";
        return (new ApiCredential(fileKey, source), file.Get(remote, "remote_url") is { } url ? (url, source + " remote_url") : null);
    }

    private static ApiCredential FromKeyFile(string path)
    {
        string text;
        try
        {
            if (Directory.Exists(path))
            {
                throw new CredentialException($"--api-key-file {path}: is a directory; expected a file holding only the API key.");
            }

            text = File.ReadAllText(path);
        }
        catch (FileNotFoundException)
        {
            throw new CredentialException($"--api-key-file {path}: no such file.");
        }
        catch (DirectoryNotFoundException)
        {
            throw new CredentialException($"--api-key-file {path}: no such file (its directory does not exist).");
        }
        catch (UnauthorizedAccessException)
        {
            throw new CredentialException($"--api-key-file {path}: permission denied; make the file readable by you.");
        }
        catch (IOException ex)
        {
            throw new CredentialException($"--api-key-file {path}: cannot be read ({ex.Message}).");
        }

        var key = text.Trim();
        if (key.Length == 0)
        {
            throw new CredentialException($"--api-key-file {path}: the file is empty; put the API key in it.");
        }

        if (key.AsSpan().ContainsAny('\r', '\n'))
        {
            throw new CredentialException($"--api-key-file {path}: the file has more than one line; it must hold only the API key.");
        }

        return new ApiCredential(key, $"--api-key-file {path}");
    }

    // The key came from elsewhere, so a missing or broken trussrc is no error here: it only may name the host.
    private static (string Url, string Source)? RemoteUrlOf(string trussrcPath, string remote)
    {
        try
        {
            return TrussrcFile.TryLoad(trussrcPath)?.Get(remote, "remote_url") is { } url
                ? (url, $"{trussrcPath} [{remote}] remote_url")
                : null;
        }
        catch (CredentialException)
        {
            return null;
        }
    }

    private string TrussrcPath => Variable(TrussrcPathVariable) ?? Path.Combine(environment.HomeDirectory, ".trussrc");

    private string? Variable(string name) => environment.GetVariable(name) is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}
