using LogViewer.Core.Credentials;

namespace LogViewer.Core.Tests.Credentials;

public sealed class ApiEndpointTests
{
    [Theory]
    [InlineData("http://127.0.0.1:5000", "http://127.0.0.1:5000/")]
    [InlineData("http://127.8.9.10", "http://127.8.9.10/")]
    [InlineData("http://[::1]:8080/base", "http://[::1]:8080/base/")]
    [InlineData("http://localhost:1234", "http://localhost:1234/")]
    [InlineData("https://api.baseten.co", "https://api.baseten.co/")]
    public void Loopback_Http_And_Any_Https_Are_Accepted(string url, string expected) =>
        Assert.Equal(new Uri(expected), ApiEndpoint.Parse(url, "--api-url"));

    [Theory]
    [InlineData("http://10.0.0.1")]
    [InlineData("http://128.0.0.1")]
    [InlineData("http://localhost.evil.example")]
    [InlineData("http://[::2]")]
    public void Plain_Http_To_Other_Hosts_Is_Refused(string url) =>
        Assert.Contains("plain http is only allowed to a loopback host", Assert.Throws<EndpointException>(() => ApiEndpoint.Parse(url, "--api-url")).Message);

    [Theory]
    [InlineData("api.baseten.co")]
    [InlineData("ftp://api.baseten.co")]
    [InlineData("not a url")]
    public void Non_Urls_Are_Refused_With_An_Example(string url) =>
        Assert.Contains("expected an absolute URL such as https://api.baseten.co", Assert.Throws<EndpointException>(() => ApiEndpoint.Parse(url, "--api-url")).Message);

    [Theory]
    [InlineData("https://app.baseten.co", "https://api.baseten.co/")]
    [InlineData("https://app.baseten.co/", "https://api.baseten.co/")]
    [InlineData("https://app.staging.example.com:8443", "https://api.staging.example.com:8443/")]
    [InlineData("https://custom.example.com", "https://custom.example.com/")]
    public void Remote_Url_Maps_App_Host_To_Api_Host(string remote, string expected) =>
        Assert.Equal(expected, ApiEndpoint.FromRemoteUrl(remote));
}
