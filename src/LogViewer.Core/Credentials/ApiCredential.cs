namespace LogViewer.Core.Credentials;

/// <summary>
/// An API key and where it came from (<c>BASETEN_API_KEY</c>, a file, a <c>~/.trussrc</c> remote). Only
/// <see cref="Key"/> holds the secret: <see cref="ToString"/> and <see cref="Masked"/> show at most its last four
/// characters (<c>****c3d4</c>) and the source, so a credential can be logged or put in a message safely.
/// </summary>
public sealed record ApiCredential(string Key, string Source)
{
    private const int VisibleTail = 4;

    // Showing four characters of a short key would give away too much of it.
    private const int ShortestKeyWithVisibleTail = 12;

    /// <summary>The key reduced to <c>****</c> and its last four characters (just <c>****</c> for a short key).</summary>
    public string MaskedKey => Key.Length >= ShortestKeyWithVisibleTail ? "****" + Key[^VisibleTail..] : "****";

    /// <summary>The masked key and where it came from, for messages: <c>****c3d4 (from BASETEN_API_KEY)</c>.</summary>
    public string Masked => $"{MaskedKey} (from {Source})";

    public override string ToString() => Masked;
}
