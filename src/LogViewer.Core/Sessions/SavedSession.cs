using System.Text.Json.Serialization;

namespace LogViewer.Core.Sessions;

/// <summary>
/// What is remembered for one target between runs: the rules, the hidden replicas, the level and the view's
/// toggles. Only what the user typed or chose, never an API key and never log text.
/// </summary>
public sealed record SavedSession
{
    public const int CurrentVersion = 1;

    [JsonPropertyName("version")]
    public int Version { get; init; } = CurrentVersion;

    /// <summary>The target, for a person reading the file ("deployment abc/def").</summary>
    [JsonPropertyName("target")]
    public string Target { get; init; } = string.Empty;

    [JsonPropertyName("rules")]
    public IReadOnlyList<SavedRule> Rules { get; init; } = [];

    /// <summary>DEBUG, INFO, WARNING or ERROR; null shows every line.</summary>
    [JsonPropertyName("min_level")]
    public string? MinimumLevel { get; init; }

    [JsonPropertyName("hidden_replicas")]
    public IReadOnlyList<string> HiddenReplicas { get; init; } = [];

    [JsonPropertyName("time_format")]
    public string? TimeFormat { get; init; }

    [JsonPropertyName("wrap")]
    public bool Wrap { get; init; }

    [JsonPropertyName("sidebar")]
    public bool Sidebar { get; init; } = true;
}
