using System.Buffers.Text;
using System.Collections.Immutable;
using System.Text.Json;
using LogViewer.Core.Model;

namespace LogViewer.Core.Decoding;

/// <summary>
/// The one decoder of a LogV1 object (<c>timestamp</c>, <c>message</c>, <c>replica</c>, <c>request_id</c>,
/// <c>level</c>), used by both readers of the format: API pages and <c>--output jsonl</c> files. A bad entry costs
/// only itself: it is skipped with a reason naming the field at fault and the reader is left after it; text that is
/// not valid (invalid UTF-8, a lone surrogate escape) is shown as U+FFFD and the entry kept; unknown fields are
/// skipped however deep they nest. Everything is counted in <see cref="Report"/>. One decoder per reader (not
/// thread-safe): it reuses its buffers and its string cache from entry to entry.
/// </summary>
internal sealed partial class LogV1Decoder
{
    public const string NotAnObject = "the entry is not a JSON object";
    public const string NoTimestamp = "no timestamp";
    public const string BadTimestamp = "the timestamp is not an integer of epoch nanoseconds";
    public const string NegativeTimestamp = "the timestamp is negative";
    public const string NoMessage = "no message";
    public const string BadMessage = "the message is not a string";
    public const string BadReplica = "the replica is not a string or null";
    public const string BadRequestId = "the request_id is not a string or null";
    public const string BadLevel = "the level is not a string or null";

    private readonly Utf8StringCache _strings = new();
    private readonly Dictionary<string, int> _skipped = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _repaired = new(StringComparer.Ordinal);
    private byte[] _message = new byte[1024];
    private byte[] _scratch = new byte[256];

    /// <summary>
    /// Reader options for LogV1 text: a server may nest an unknown field as deep as it likes, and the default depth
    /// limit (64) would fail the whole page for it; skipping never builds what it skips, so depth costs nothing.
    /// </summary>
    public static JsonReaderOptions ReaderOptions { get; } = new() { MaxDepth = int.MaxValue, CommentHandling = JsonCommentHandling.Disallow };

    /// <summary>What this decoder skipped and repaired so far.</summary>
    public DecodeReport Report => _skipped.Count == 0 && _repaired.Count == 0
        ? DecodeReport.None
        : new(_skipped.ToImmutableSortedDictionary(StringComparer.Ordinal), _repaired.ToImmutableSortedDictionary(StringComparer.Ordinal));

    /// <summary>Forgets what was skipped and repaired, for a decoder reused from one answer to the next.</summary>
    public void ClearReport()
    {
        _skipped.Clear();
        _repaired.Clear();
    }

    /// <summary>
    /// Decodes the value the reader is on (an entry is a JSON object) and leaves the reader on its last token.
    /// Returns <c>false</c> with the reason when the value is not an entry.
    /// </summary>
    /// <exception cref="JsonException">The text is not JSON at all (nothing after this point can be read).</exception>
    public bool TryDecode(ref Utf8JsonReader reader, out DecodedEntry entry, out string? skipReason)
    {
        entry = default;
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return Skip(NotAnObject, out skipReason);
        }

        long? timestamp = null;
        ReadOnlySpan<byte> message = default;
        var hasMessage = false;
        string? replica = null;
        string? requestId = null;
        var level = LogLevel.None;
        string? reason = null;
        bool messageRepaired = false, replicaRepaired = false, requestRepaired = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var field = FieldOf(ref reader);
            reader.Read();
            if (reason is not null || field is null)
            {
                reader.Skip();
                continue;
            }

            switch (field)
            {
                case LogV1Fields.Timestamp:
                    timestamp = ReadTimestamp(ref reader);
                    // Before 1970: no log line is, and a cursor or window built on one means nothing.
                    reason = timestamp is null ? BadTimestamp : timestamp < 0 ? NegativeTimestamp : null;
                    break;
                case LogV1Fields.Message when reader.TokenType == JsonTokenType.String:
                    messageRepaired = JsonText.Read(ref reader, ref _message, out message);
                    hasMessage = true;
                    break;
                case LogV1Fields.Message:
                    // A null message is an empty line (the schema says string; a lenient server may say null).
                    message = default;
                    hasMessage = reader.TokenType == JsonTokenType.Null;
                    reason = hasMessage ? null : BadMessage;
                    break;
                case LogV1Fields.Replica:
                    reason = ReadOptionalString(ref reader, out replica, out replicaRepaired) ? null : BadReplica;
                    break;
                case LogV1Fields.RequestId:
                    reason = ReadOptionalString(ref reader, out requestId, out requestRepaired) ? null : BadRequestId;
                    break;
                default:
                    reason = ReadLevel(ref reader, out level) ? null : BadLevel;
                    break;
            }

            reader.Skip(); // a no-op on a value read; steps over an object or array given where a value was expected
        }

        reason ??= timestamp is null ? NoTimestamp : !hasMessage ? NoMessage : null;
        if (reason is not null)
        {
            return Skip(reason, out skipReason);
        }

        Count(_repaired, LogV1Fields.Message, messageRepaired);
        Count(_repaired, LogV1Fields.Replica, replicaRepaired);
        Count(_repaired, LogV1Fields.RequestId, requestRepaired);
        entry = new DecodedEntry(timestamp!.Value, message, replica, requestId, level);
        skipReason = null;
        return true;
    }

    private static string? FieldOf(ref Utf8JsonReader reader) =>
        reader.ValueTextEquals("timestamp"u8) ? LogV1Fields.Timestamp
        : reader.ValueTextEquals("message"u8) ? LogV1Fields.Message
        : reader.ValueTextEquals("replica"u8) ? LogV1Fields.Replica
        : reader.ValueTextEquals("request_id"u8) ? LogV1Fields.RequestId
        : reader.ValueTextEquals("level"u8) ? LogV1Fields.Level
        : null;

    private long? ReadTimestamp(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                return reader.TryGetInt64(out var number) ? number : null;
            case JsonTokenType.String:
                JsonText.Read(ref reader, ref _scratch, out var text);
                return Utf8Parser.TryParse(text, out long value, out var used) && used == text.Length && text.Length > 0 ? value : null;
            default:
                return null;
        }
    }

    private bool ReadOptionalString(ref Utf8JsonReader reader, out string? value, out bool repaired)
    {
        value = null;
        repaired = false;
        if (reader.TokenType != JsonTokenType.String)
        {
            return reader.TokenType == JsonTokenType.Null;
        }

        repaired = JsonText.Read(ref reader, ref _scratch, out var text);
        value = _strings.Get(text);
        return true;
    }

    private bool ReadLevel(ref Utf8JsonReader reader, out LogLevel level)
    {
        level = LogLevel.None;
        if (reader.TokenType != JsonTokenType.String)
        {
            return reader.TokenType == JsonTokenType.Null;
        }

        JsonText.Read(ref reader, ref _scratch, out var text);
        level = LogLevels.FromApi(text);
        return true;
    }

    private bool Skip(string reason, out string? skipReason)
    {
        Count(_skipped, reason, true);
        skipReason = reason;
        return false;
    }

    private static void Count(Dictionary<string, int> counts, string key, bool happened)
    {
        if (happened)
        {
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }
    }
}
