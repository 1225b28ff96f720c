using System.Text.Json.Serialization;

namespace LogViewer.Core.Sessions;

/// <summary>One rule as written: "in" or "out", the pattern in rule syntax (<c>/regex/</c>, <c>\/text</c>, text), on or off.</summary>
public sealed record SavedRule(
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("pattern")] string Pattern,
    [property: JsonPropertyName("enabled")] bool Enabled);
