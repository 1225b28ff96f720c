namespace LogViewer.Core.Credentials;

/// <summary>What the command line says about where to connect and which key to use. No option carries the key.</summary>
/// <param name="ApiKeyFile"><c>--api-key-file PATH</c>: a file holding only the key.</param>
/// <param name="ApiUrl"><c>--api-url URL</c>.</param>
/// <param name="Remote"><c>--remote NAME</c>: the <c>~/.trussrc</c> section (default <c>baseten</c>).</param>
public sealed record ConnectionRequest(string? ApiKeyFile = null, string? ApiUrl = null, string? Remote = null);
