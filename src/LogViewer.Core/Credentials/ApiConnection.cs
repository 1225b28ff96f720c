namespace LogViewer.Core.Credentials;

/// <summary>Where to send requests and with which key.</summary>
public sealed record ApiConnection(Uri BaseAddress, ApiCredential Credential);
