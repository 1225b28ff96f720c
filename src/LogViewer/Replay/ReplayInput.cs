using System.IO.Compression;

namespace LogViewer.Replay;

/// <summary>
/// One input of <c>logviewer replay</c>: a file (read through gzip when it starts with gzip's magic bytes, whatever its
/// name), or <c>-</c> for standard input (a pipe from <c>--output jsonl</c>, <c>zcat</c>, <c>jq</c>).
/// </summary>
internal sealed record ReplayInput(string Argument)
{
    public const string StandardInputArgument = "-";

    public bool IsStandardInput => Argument == StandardInputArgument;

    /// <summary>How messages name it.</summary>
    public string Name => IsStandardInput ? "standard input" : Argument;

    /// <summary>A usage problem with the argument (missing file, a directory), or null.</summary>
    public string? Problem() =>
        IsStandardInput || File.Exists(Argument) ? null
        : Directory.Exists(Argument) ? $"{Argument}: is a directory; expected a jsonl file."
        : $"{Argument}: no such file.";

    /// <summary>Opens the bytes to decode: decompressed when the file is gzip (a named pipe's too).</summary>
    public Stream Open(Func<Stream> standardInput)
    {
        ArgumentNullException.ThrowIfNull(standardInput);
        if (IsStandardInput)
        {
            return standardInput();
        }

        var file = new FileStream(Argument, new FileStreamOptions { Access = FileAccess.Read, Options = FileOptions.SequentialScan | FileOptions.Asynchronous, BufferSize = 0 });
        var magic = new byte[2];
        var read = file.ReadAtLeast(magic, magic.Length, throwOnEndOfStream: false);
        var isGzip = read == 2 && magic[0] == 0x1f && magic[1] == 0x8b;

        // A named pipe (or <(zcat log.gz)) cannot seek back over the bytes looked at: they are handed back first.
        Stream bytes = file.CanSeek ? file : new PrefixedStream(magic[..read], file);
        if (file.CanSeek)
        {
            file.Position = 0;
        }

        return isGzip ? new GZipStream(bytes, CompressionMode.Decompress, leaveOpen: false) : bytes;
    }
}
