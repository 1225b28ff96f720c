using System.Buffers;
using System.Text.Json;
using LogViewer.Core.Decoding;
using LogViewer.Core.Store;
using Microsoft.Win32.SafeHandles;

namespace LogViewer.Core.Replay;

/// <summary>
/// Reads a file written by <c>--output jsonl</c> (one LogV1 object per line: <c>timestamp</c> as a string of epoch
/// nanoseconds, <c>message</c>, <c>replica</c>, <c>request_id</c>, <c>level</c>) into a <see cref="LogStore"/>.
/// Streams through pooled buffers and decodes each line with the one <see cref="LogV1Decoder"/> (as API pages are)
/// straight into the store, without a string per message. A malformed line is reported with its line number and
/// skipped; invalid text is shown as U+FFFD and counted; blank lines are ignored.
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
        ArgumentNullException.ThrowIfNull(store);
        return await ReadAsync(stream, new StoreSink(store), onMalformed, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Decodes every line of <paramref name="stream"/> into <paramref name="sink"/>, with the same checks and reports as a load.</summary>
    internal static Task<JsonlLoadResult> ReadAsync(
        Stream stream, IDecodedLineSink sink, Action<MalformedLine>? onMalformed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return ReadLinesAsync(stream.ReadAsync, BufferSize, new LineParser(sink, onMalformed), sink, cancellationToken);
    }

    /// <summary>
    /// Decodes <paramref name="length"/> bytes of a file from <paramref name="offset"/> into <paramref name="sink"/> with
    /// positional reads (so blocks of one file can be read at once): as a whole input would be when
    /// <paramref name="startOfInput"/> (a byte-order mark is read on the first line), else as the lines after a
    /// newline. Line numbers count from the block's first line.
    /// </summary>
    internal static Task<JsonlLoadResult> ReadBlockAsync(
        SafeFileHandle file, long offset, long length, bool startOfInput, IDecodedLineSink sink, Action<MalformedLine>? onMalformed,
        CancellationToken cancellationToken)
    {
        var end = offset + length;
        ValueTask<int> ReadAt(Memory<byte> into, CancellationToken token)
        {
            var read = offset >= end ? 0 : RandomAccess.Read(file, into.Span[..(int)Math.Min(into.Length, end - offset)], offset);
            offset += read;
            return ValueTask.FromResult(read);
        }

        var bufferSize = (int)Math.Clamp(length, 1, BufferSize);
        return ReadLinesAsync(ReadAt, bufferSize, new LineParser(sink, onMalformed, startOfInput), sink, cancellationToken);
    }

    private static async Task<JsonlLoadResult> ReadLinesAsync(
        Func<Memory<byte>, CancellationToken, ValueTask<int>> read, int bufferSize, LineParser parser, IDecodedLineSink sink,
        CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(bufferSize);
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

                var count = await read(buffer.AsMemory(filled), cancellationToken).ConfigureAwait(false);
                if (count == 0)
                {
                    parser.ParseLines(buffer.AsSpan(0, filled), endOfFile: true);
                    break;
                }

                filled += count;
                var consumed = parser.ParseLines(buffer.AsSpan(0, filled), endOfFile: false);
                buffer.AsSpan(consumed, filled - consumed).CopyTo(buffer);
                filled -= consumed;
            }

            sink.Flush();
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

    /// <summary>Stages lines for the store and appends them in large batches.</summary>
    private sealed class StoreSink(LogStore store) : IDecodedLineSink
    {
        private readonly StagedEntries _staged = new();

        public void Add(in DecodedEntry entry)
        {
            _staged.Add(entry.TimestampNanos, entry.Message, entry.Level, entry.Replica, entry.RequestId);
            if (_staged.Count >= FlushEvery)
            {
                Flush();
            }
        }

        public void Flush()
        {
            store.Add(_staged);
            _staged.Clear();
        }
    }

    private sealed class LineParser(IDecodedLineSink sink, Action<MalformedLine>? onMalformed, bool startOfInput = true)
    {
        private readonly LogV1Decoder _decoder = new();
        private long _lines;
        private long _loaded;
        private long _malformed;

        public JsonlLoadResult Result => new(_lines, _loaded, _malformed, _decoder.Report);

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

        private void ParseLine(ReadOnlySpan<byte> line)
        {
            if (_lines == 1 && startOfInput && line.StartsWith("\uFEFF"u8))
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
        }

        /// <summary>Stages the line's entry; returns why it is not one, or <c>null</c> when it was staged.</summary>
        private string? TryStage(ReadOnlySpan<byte> line)
        {
            // Most lines are as --output jsonl wrote them: read without the JSON reader, the rest through it.
            if (_decoder.TryDecodeWrittenLayout(line, out var written))
            {
                sink.Add(written);
                return null;
            }

            var reader = new Utf8JsonReader(line, LogV1Decoder.ReaderOptions);
            if (!reader.Read())
            {
                return LogV1Decoder.NotAnObject;
            }

            if (!_decoder.TryDecode(ref reader, out var entry, out var reason))
            {
                return reason;
            }

            if (reader.Read())
            {
                return "more than one JSON value on the line";
            }

            sink.Add(entry);
            return null;
        }
    }
}
