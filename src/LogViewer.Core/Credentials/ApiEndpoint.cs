using System.Net;

namespace LogViewer.Core.Credentials;

/// <summary>
/// Checks and normalizes the API root URL. Plain <c>http://</c> is refused unless the host is loopback
/// (127.0.0.0/8, ::1, localhost): the key travels in a header and must not cross a network unencrypted. The check
/// is pure (no DNS, no connection), so a refused URL is never contacted.
/// </summary>
public static class ApiEndpoint
{
    public static readonly Uri Default = new("https://api.baseten.co/");

    /// <summary>The URL as a base address (ending in <c>/</c>).</summary>
    /// <param name="text">The URL as the user gave it.</param>
    /// <param name="source">Where the URL came from, for the message (<c>--api-url</c>, <c>BASETEN_API_URL</c>...).</param>
    /// <exception cref="EndpointException">Not an absolute http(s) URL, or plain http to a non-loopback host.</exception>
    public static Uri Parse(string text, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
            || string.IsNullOrEmpty(uri.Host))
        {
            throw new EndpointException($"{source} {text}: expected an absolute URL such as https://api.baseten.co or http://127.0.0.1:8080.");
        }

        if (uri.Scheme == Uri.UriSchemeHttp && !IsLoopback(uri))
        {
            throw new EndpointException(
                $"{source} {text}: plain http is only allowed to a loopback host (127.0.0.1, ::1, localhost), because the API key would travel unencrypted; use https://.");
        }

        if (!string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment))
        {
            throw new EndpointException($"{source} {text}: the API URL must not have a query or fragment.");
        }

        var path = uri.AbsolutePath.EndsWith('/') ? uri.AbsolutePath : uri.AbsolutePath + "/";
        return new UriBuilder(uri) { Path = path }.Uri;
    }

    /// <summary>
    /// The REST API root for a truss <c>remote_url</c>: the web app host <c>app.X</c> serves its API at <c>api.X</c>
    /// (<c>https://app.baseten.co</c> -> <c>https://api.baseten.co</c>); any other host is taken as it is.
    /// </summary>
    public static string FromRemoteUrl(string remoteUrl)
    {
        ArgumentNullException.ThrowIfNull(remoteUrl);
        if (!Uri.TryCreate(remoteUrl.Trim(), UriKind.Absolute, out var uri))
        {
            return remoteUrl;
        }

        var host = uri.Host.StartsWith("app.", StringComparison.OrdinalIgnoreCase) ? "api." + uri.Host["app.".Length..] : uri.Host;
        return new UriBuilder(uri.Scheme, host, uri.IsDefaultPort ? -1 : uri.Port).Uri.ToString();
    }

    public static bool IsLoopback(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        if (string.Equals(uri.Host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address);
    }
}
