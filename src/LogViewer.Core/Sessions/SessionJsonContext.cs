using System.Text.Json.Serialization;

namespace LogViewer.Core.Sessions;

[JsonSourceGenerationOptions(WriteIndented = true)]
[JsonSerializable(typeof(SavedSession))]
internal sealed partial class SessionJsonContext : JsonSerializerContext;
