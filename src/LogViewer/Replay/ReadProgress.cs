using System.Globalization;
using System.IO.Compression;

namespace LogViewer.Replay;

/// <summary>
/// How far a replay has read its files, for the status bar while the TUI shows them: bytes as stored on disk (a gzip
/// file by its compressed bytes), over all inputs. Read from the UI's timer while the reading thread moves on, so a
/// figure may be a moment old; it never goes backwards.
/// </summary>
internal sealed class ReadProgress(IReadOnlyCollection<ReplayInput> inputs)
{
    /// <summary>How often the status says how far the read is.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    private readonly long _total = inputs.Where(i => !i.IsStandardInput).Sum(i => new FileInfo(i.Argument).Length);
    private long _finished;
    private Followed? _current;

    /// <summary>Follows the next input's stream (the one given to the reader); the one before it is counted as read.</summary>
    public Stream Follow(Stream opened)
    {
        ArgumentNullException.ThrowIfNull(opened);
        var raw = opened is GZipStream gzip ? gzip.BaseStream : opened;
        if (Interlocked.Exchange(ref _current, new Followed(raw, Length(raw))) is { } previous)
        {
            Interlocked.Add(ref _finished, previous.Length);
        }

        return opened;
    }

    /// <summary>Read so far, from 0 to 1 (0 until there are bytes to count).</summary>
    public double Fraction => _total == 0 ? 0 : Math.Clamp((Volatile.Read(ref _finished) + Position(Volatile.Read(ref _current))) / (double)_total, 0, 1);

    /// <summary>"reading big.jsonl, 41%".</summary>
    public string Describe(string name) => string.Create(CultureInfo.InvariantCulture, $"reading {name}, {(int)(Fraction * 100)}%");

    private static long Position(Followed? followed)
    {
        try
        {
            return followed?.Stream.Position ?? 0;
        }
        catch (ObjectDisposedException)
        {
            // Closed: the reader is done with it, to its end.
            return followed!.Length;
        }
        catch (Exception ex) when (ex is NotSupportedException or IOException)
        {
            return 0;
        }
    }

    private sealed record Followed(Stream Stream, long Length);

    private static long Length(Stream stream)
    {
        try
        {
            return stream.Length;
        }
        catch (Exception ex) when (ex is ObjectDisposedException or NotSupportedException or IOException)
        {
            return 0;
        }
    }
}
