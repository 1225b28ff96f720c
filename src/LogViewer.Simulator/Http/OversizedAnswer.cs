using System.Collections.Concurrent;
using System.IO.Compression;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace LogViewer.Simulator.Http;

/// <summary>
/// A hostile log answer: one entry whose message makes the whole answer <c>bytes</c> long, streamed so the server
/// never holds it, plain or as a gzip bomb (a small compressed body that inflates to <c>bytes</c>). Valid JSON to the
/// last byte, and sent without a length (chunked), so only a client that caps what it reads as it reads survives it.
/// A client that hangs up stops the stream.
/// </summary>
internal static class OversizedAnswer
{
    private static readonly byte[] Head = Encoding.UTF8.GetBytes("""{"logs":[{"timestamp":"1","replica":null,"request_id":null,"level":"INFO","message":" """.TrimEnd());
    private static readonly byte[] Tail = "\"}]}"u8.ToArray();

    // Compressing a gigabyte takes seconds; a bomb of one size is made once and kept (it is about a thousandth of it).
    private static readonly ConcurrentDictionary<long, Lazy<byte[]>> Bombs = new();

    public static async Task Write(HttpContext context, long bytes, bool gzip)
    {
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/json";
        try
        {
            if (gzip)
            {
                var bomb = Bombs.GetOrAdd(bytes, size => new Lazy<byte[]>(() => Compress(size))).Value;
                context.Response.Headers.ContentEncoding = "gzip";
                context.Response.ContentLength = bomb.Length;
                await context.Response.Body.WriteAsync(bomb, context.RequestAborted).ConfigureAwait(false);
                return;
            }

            await WriteBody(context.Response.Body, bytes, context.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or InvalidOperationException)
        {
            // The client hung up at its cap: what a careful client does.
        }
    }

    private static byte[] Compress(long bytes)
    {
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            WriteBody(gzip, bytes, CancellationToken.None).GetAwaiter().GetResult();
        }

        return compressed.ToArray();
    }

    private static async Task WriteBody(Stream body, long bytes, CancellationToken cancellationToken)
    {
        var filler = new byte[1 << 16];
        filler.AsSpan().Fill((byte)'x');
        await body.WriteAsync(Head, cancellationToken).ConfigureAwait(false);
        for (var left = bytes - Head.Length - Tail.Length; left > 0; left -= filler.Length)
        {
            await body.WriteAsync(filler.AsMemory(0, (int)Math.Min(left, filler.Length)), cancellationToken).ConfigureAwait(false);
        }

        await body.WriteAsync(Tail, cancellationToken).ConfigureAwait(false);
    }
}
