using Microsoft.Win32.SafeHandles;

namespace LogViewer.Running;

/// <summary>
/// stdout as a stream that notices when its reader goes away. .NET's own console stream ignores EPIPE, so a
/// following tail piped into <c>head</c> would go on polling after <c>head</c> has exited; here a write to a
/// closed pipe cancels <see cref="ReaderGone"/> (the composition root treats it like Ctrl-C: stop quietly, exit 0,
/// as Unix tools do) and every later write is dropped, so no flush on the way out can fail with a stack trace.
/// </summary>
internal sealed class StandardOutputStream : Stream
{
    private readonly Stream _inner;
    private readonly CancellationTokenSource _readerGone = new();

    private StandardOutputStream(Stream inner) => _inner = inner;

    /// <summary>Cancelled on the first write that finds the reader gone.</summary>
    public CancellationToken ReaderGone => _readerGone.Token;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    /// <summary>
    /// The process's stdout. When it is redirected (a pipe or a file) it is opened as a plain file descriptor, whose
    /// writes report a closed pipe; a terminal keeps the console's stream.
    /// </summary>
    public static StandardOutputStream Open()
    {
        if (!Console.IsOutputRedirected || OperatingSystem.IsWindows())
        {
            return new(Console.OpenStandardOutput());
        }

        var descriptor = new FileStream(new SafeFileHandle(1, ownsHandle: false), FileAccess.Write, bufferSize: 0);
        if (!descriptor.CanSeek)
        {
            return new(descriptor);
        }

        // A regular file: FileStream would write at its own position (pwrite), so whatever the shell writes to the
        // same file after us (`{ logviewer ...; echo done; } > out`) would overwrite our output. The console's
        // stream writes at the shared offset; a file has no reader to go away.
        descriptor.Dispose();
        return new(Console.OpenStandardOutput());
    }

    /// <summary>
    /// True once a write found that there never was a stdout: the process was started with it closed
    /// (<c>logviewer ... >&amp;-</c>). Descriptor 1 is then whatever file the runtime opened first, read-only, and
    /// writing to it fails with EBADF, which .NET reports as "Access to the path is denied". The run then stops
    /// like Ctrl-C, and the composition root says "standard output is closed".
    /// </summary>
    public bool WasClosed { get; private set; }

    /// <summary>For tests: any stream, such as one whose reader has gone.</summary>
    internal static StandardOutputStream Over(Stream inner) => new(inner);

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (_readerGone.IsCancellationRequested)
        {
            return;
        }

        try
        {
            _inner.Write(buffer);
        }
        catch (IOException)
        {
            _readerGone.Cancel();
        }
        catch (UnauthorizedAccessException)
        {
            WasClosed = true;
            _readerGone.Cancel();
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        Write(buffer.AsSpan(offset, count));
        return Task.CompletedTask;
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Write(buffer.Span);
        return ValueTask.CompletedTask;
    }

    public override void Flush()
    {
        if (_readerGone.IsCancellationRequested)
        {
            return;
        }

        try
        {
            _inner.Flush();
        }
        catch (IOException)
        {
            _readerGone.Cancel();
        }
        catch (UnauthorizedAccessException)
        {
            WasClosed = true;
            _readerGone.Cancel();
        }
    }

    public override Task FlushAsync(CancellationToken cancellationToken)
    {
        Flush();
        return Task.CompletedTask;
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
            _readerGone.Dispose();
        }

        base.Dispose(disposing);
    }
}
