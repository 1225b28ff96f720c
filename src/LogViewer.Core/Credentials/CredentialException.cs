namespace LogViewer.Core.Credentials;

/// <summary>No usable API key: none configured, or its file or <c>~/.trussrc</c> section is missing or unreadable.
/// The message is one line saying what to do and never contains a key.</summary>
public sealed class CredentialException : Exception
{
    public CredentialException()
    {
    }

    public CredentialException(string message)
        : base(message)
    {
    }

    public CredentialException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
