using System.Buffers;
using System.Buffers.Text;
using System.Text.Json;
using LogViewer.Core.Model;
using LogViewer.Core.Store;

namespace LogViewer.Core.Replay;

/// <summary>A line of a jsonl file that is not a log entry, and why (for a one-line message on stderr).</summary>
public sealed record MalformedLine(long LineNumber, string Reason)
{
    public override string ToString() => $"line {LineNumber}: {Reason}";
}

/// <summary>What loading a jsonl file did: lines read (blank ones included), entries loaded, lines skipped as malformed.</summary>
public sealed record JsonlLoadResult(long Lines, long Loaded, long Malformed);

/// <summary>
/// Reads a file written by <c>--output jsonl</c> (one LogV1 object per line: <c>timestamp</c> as a string of epoch
/// nanoseconds, <c>message</c>, <c>replica</c>, <c>request_id</c>, <c>level</c>) into a <see cref="LogStore"/>.
/// Streams through pooled buffers and parses UTF-8 directly into the store, without a string per message.
/// A malformed line is reported with its line number and skipped; blank lines are ignored.
/// </summary>
public static class JsonlLogReader
{
    private const int BufferSize = 1 << 20;
    // Large batches: late lines in a batch are merged into the chunks they land in with one rebuild per chunk,
    // so a file with lines out of order costs a fraction of an entry copy per line instead of several.
    private const int FlushEvery = 65536;

    public static async Task<JsonlLoadResult> LoadAsync(
        Stream stream, LogStore store, Action<MalformedLine>? onMalformed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(store);
        var parser = new LineParser(store, onMalformed);
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            var filled = 0;
            while (true)
            {
                if (filled == buffer.Length)
                {
                    // One line longer than the buffer: grow it.
                    var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, filled).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                var read = await stream.ReadAsync(buffer.AsMemory(filled), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    parser.ParseLines(buffer.AsSpan(0, filled), endOfFile: true);
                    break;
                }

                filled += read;
                var consumed = parser.ParseLines(buffer.AsSpan(0, filled), endOfFile: false);
                buffer.AsSpan(consumed, filled - consumed).CopyTo(buffer);
                filled -= consumed;
            }

            parser.Flush();
            return parser.Result;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Loads a file from disk; see <see cref="LoadAsync(Stream, LogStore, Action{MalformedLine}?, CancellationToken)"/>.</summary>
    public static async Task<JsonlLoadResult> LoadFileAsync(
        string path, LogStore store, Action<MalformedLine>? onMalformed, CancellationToken cancellationToken)
    {
        var stream = new FileStream(path, new FileStreamOptions { Access = FileAccess.Read, Options = FileOptions.SequentialScan | FileOptions.Asynchronous, BufferSize = 0 });
        await using (stream.ConfigureAwait(false))
        {
            return await LoadAsync(stream, store, onMalformed, cancellationToken).ConfigureAwait(false);
        }
    }

    private sealed class LineParser(LogStore store, Action<MalformedLine>? onMalformed)
    {
        private readonly StagedEntries _staged = new();
        private readonly Utf8StringCache _strings = new();
        private long _lines;
        private long _loaded;
        private long _malformed;

        public JsonlLoadResult Result => new(_lines, _loaded, _malformed);

        /// <summary>Parses every complete line; returns the bytes consumed.</summary>
        public int ParseLines(ReadOnlySpan<byte> data, bool endOfFile)
        {
            var consumed = 0;
            while (consumed < data.Length)
            {
                var rest = data[consumed..];
                var newline = rest.IndexOf((byte)'\n');
                if (newline < 0 && !endOfFile)
                {
                    break;
                }

                var line = newline < 0 ? rest : rest[..newline];
                consumed += newline < 0 ? rest.Length : newline + 1;
                _lines++;
                ParseLine(line);
            }

            return consumed;
        }

        public void Flush()
        {
            store.Add(_staged);
            _staged.Clear();
        }

        private void ParseLine(ReadOnlySpan<byte> line)
        {
            if (_lines == 1 && line.StartsWith("\uFEFF"u8))
            {
                line = line[3..];
            }

            if (line.EndsWith("\r"u8))
            {
                line = line[..^1];
            }

            if (line.Trim(" \t"u8).IsEmpty)
            {
                return;
            }

            string? reason;
            try
            {
                reason = TryStage(line);
            }
            catch (JsonException exception)
            {
                reason = $"not valid JSON (at byte {(exception.BytePositionInLine ?? 0) + 1})";
            }

            if (reason is not null)
            {
                _malformed++;
                onMalformed?.Invoke(new MalformedLine(_lines, reason));
                return;
            }

            _loaded++;
            if (_staged.Count >= FlushEvery)
            {
                Flush();
            }
        }

        /// <summary>Stages the line's entry; returns why it is not one, or <c>null</c> when it was staged.</summary>
        private string? TryStage(ReadOnlySpan<byte> line)
        {
            var reader = new Utf8JsonReader(line, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return "not a JSON object";
            }

            long? timestamp = null;
            var messageBytes = -1;
            string? replica = null;
            string? requestId = null;
            var level = LogLevel.None;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("timestamp"u8))
                {
                    reader.Read();
                    timestamp = ReadTimestamp(ref reader);
                    if (timestamp is null)
                    {
                        return "the timestamp is not an integer of epoch nanoseconds";
                    }
                }
                else if (reader.ValueTextEquals("message"u8))
                {
                    reader.Read();
                    if (reader.TokenType != JsonTokenType.String)
                    {
                        return "the message is not a string";
                    }

                    messageBytes = ReadMessage(ref reader);
                }
                else if (reader.ValueTextEquals("replica"u8))
                {
                    reader.Read();
                    if (!TryReadOptionalString(ref reader, out replica))
                    {
                        return "the replica is not a string or null";
                    }
                }
                else if (reader.ValueTextEquals("request_id"u8))
                {
                    reader.Read();
                    if (!TryReadOptionalString(ref reader, out requestId))
                    {
                        return "the request_id is not a string or null";
                    }
                }
                else if (reader.ValueTextEquals("level"u8))
                {
                    reader.Read();
                    if (!TryReadLevel(ref reader, out level))
                    {
                        return "the level is not a string or null";
                    }
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }

            if (reader.TokenType != JsonTokenType.EndObject)
            {
                return "not a JSON object";
            }

            if (reader.Read())
            {
                return "more than one JSON value on the line";
            }

            if (timestamp is null)
            {
                return "no timestamp";
            }

            if (messageBytes < 0)
            {
                return "no message";
            }

            _staged.Commit(timestamp.Value, messageBytes, level, replica, requestId);
            return null;
        }

        private static long? ReadTimestamp(ref Utf8JsonReader reader)
        {
            if (reader.TokenType == JsonTokenType.Number)
            {
                return reader.TryGetInt64(out var number) ? number : null;
            }

            if (reader.TokenType != JsonTokenType.String || reader.ValueIsEscaped)
            {
                return null;
            }

            var text = reader.ValueSpan;
            return Utf8Parser.TryParse(text, out long value, out var used) && used == text.Length ? value : null;
        }

        private int ReadMessage(ref Utf8JsonReader reader)
        {
            if (!reader.ValueIsEscaped)
            {
                reader.ValueSpan.CopyTo(_staged.Reserve(reader.ValueSpan.Length));
                return reader.ValueSpan.Length;
            }

            // Unescaped text is never longer than its escaped form.
            return reader.CopyString(_staged.Reserve(reader.ValueSpan.Length));
        }

        private bool TryReadOptionalString(ref Utf8JsonReader reader, out string? value)
        {
            value = reader.TokenType switch
            {
                JsonTokenType.String when !reader.ValueIsEscaped => _strings.Get(reader.ValueSpan),
                JsonTokenType.String => reader.GetString(),
                _ => null,
            };
            return reader.TokenType is JsonTokenType.String or JsonTokenType.Null;
        }

        private static bool TryReadLevel(ref Utf8JsonReader reader, out LogLevel level)
        {
            level = LogLevel.None;
            if (reader.TokenType != JsonTokenType.String)
            {
                return reader.TokenType == JsonTokenType.Null;
            }

            var text = reader.ValueSpan;
            level = text.SequenceEqual("INFO"u8) ? LogLevel.Info
                : text.SequenceEqual("DEBUG"u8) ? LogLevel.Debug
                : text.SequenceEqual("WARNING"u8) ? LogLevel.Warning
                : text.SequenceEqual("ERROR"u8) ? LogLevel.Error
                : LogLevels.FromApi(reader.GetString());
            return true;
        }
    }
}
