namespace LogViewer.Core.Decoding;

/// <summary>The LogV1 field names, as the API and <c>--output jsonl</c> spell them.</summary>
internal static class LogV1Fields
{
    public const string Timestamp = "timestamp";
    public const string Message = "message";
    public const string Replica = "replica";
    public const string RequestId = "request_id";
    public const string Level = "level";
}
