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
        };
        var client = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = RequestTimeout };
        client.DefaultRequestHeaders.UserAgent.ParseAdd("logviewer/1.0");
        return client;
    }
}
