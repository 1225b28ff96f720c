using Microsoft.Extensions.Configuration;

namespace LogViewer.Core.Credentials;

/// <summary>
/// Baseten's <c>~/.trussrc</c>, as the truss CLI writes it: an INI file with one section per remote
/// (<c>[baseten]</c> by default) holding <c>remote_provider</c>, <c>remote_url</c> and <c>api_key</c>.
/// Read with Microsoft.Extensions.Configuration.Ini rather than by hand: it already handles sections, <c>;</c> and
/// <c>#</c> comments, quoted values and surrounding whitespace, and reports duplicate keys, which is the subset of
/// Python's configparser that truss writes.
/// </summary>
internal sealed class TrussrcFile
{
    private readonly IConfigurationRoot _configuration;

    private TrussrcFile(string path, IConfigurationRoot configuration)
    {
        Path = path;
        _configuration = configuration;
    }

    public string Path { get; }

    /// <summary>Section names, as written in the file.</summary>
    public IReadOnlyList<string> Sections => [.. _configuration.GetChildren().Select(section => section.Key)];

    /// <summary>The file at <paramref name="path"/>, or <c>null</c> when there is none.</summary>
    /// <exception cref="CredentialException">The file exists but cannot be read or is not INI.</exception>
    public static TrussrcFile? TryLoad(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            using var stream = File.OpenRead(path);
            var configuration = new ConfigurationBuilder().AddIniStream(stream).Build();
            return new TrussrcFile(path, configuration);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CredentialException($"{path} cannot be read: {ex.Message}");
        }
        catch (FormatException ex)
        {
            throw new CredentialException($"{path} is not a valid INI file: {ex.Message}");
        }
    }

    public bool HasSection(string remote) => _configuration.GetChildren().Any(section => string.Equals(section.Key, remote, StringComparison.OrdinalIgnoreCase));

    /// <summary>A value of a remote's section; <c>null</c> when absent or blank.</summary>
    public string? Get(string remote, string key)
    {
        var value = _configuration.GetSection(remote)[key]?.Trim();
        return string.IsNullOrEmpty(value) ? null : value;
    }
}
