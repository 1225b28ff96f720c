namespace LogViewer.Core.Credentials;

/// <summary>The API URL is unusable: not an absolute http(s) URL, or plain http to a host that is not loopback.</summary>
public sealed class EndpointException : Exception
{
    public EndpointException()
    {
    }

    public EndpointException(string message)
        : base(message)
    {
    }

    public EndpointException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
