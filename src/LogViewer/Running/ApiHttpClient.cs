namespace LogViewer.Running;

/// <summary>The HttpClient the API client is typed over: one per run, bounded connect and request times.</summary>
internal static class ApiHttpClient
{
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);

    public static HttpClient Create(Uri baseAddress)
    {
        var handler = new SocketsHttpHandler
        {
            ConnectTimeout = TimeSpan.FromSeconds(10),
            AutomaticDecompression = System.Net.DecompressionMethods.All,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),

            // The client follows same-origin redirects itself, with the key, and reports any other: .NET's own
            // following drops the key, and the other host's 401 would read as "key rejected".
            AllowAutoRedirect = false,
        };
        var client = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = RequestTimeout };
        client.DefaultRequestHeaders.UserAgent.ParseAdd("logviewer/1.0");
        return client;
    }
}
