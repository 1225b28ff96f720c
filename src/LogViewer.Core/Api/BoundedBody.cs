namespace LogViewer.Core.Api;

/// <summary>
/// Reads an answer's body up to a cap without ever holding more than the cap: a declared length over it is refused
/// before a byte is read, and a body that grows past it (chunked, or a compressed body inflating) is abandoned at the
/// cap. The bytes are gathered in 1 MB pieces, so no doubling buffer ever needs twice the cap.
/// </summary>
internal static class BoundedBody
{
    private const int PieceSize = 1 << 20;

    /// <summary>The body, or <c>null</c> when it is longer than <paramref name="maxBytes"/>.</summary>
    public static async Task<byte[]?> ReadAsync(HttpContent content, long maxBytes, CancellationToken cancellationToken)
    {
        if (content.Headers.ContentLength is { } declared && declared > maxBytes)
        {
            return null;
        }

        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var pieces = new List<byte[]>();
            long total = 0;
            while (true)
            {
                var piece = new byte[(int)Math.Min(PieceSize, maxBytes - total + 1)];
                var filled = 0;
                while (filled < piece.Length)
                {
                    var read = await stream.ReadAsync(piece.AsMemory(filled), cancellationToken).ConfigureAwait(false);
                    if (read == 0)
                    {
                        break;
                    }

                    filled += read;
                }

                total += filled;
                if (total > maxBytes)
                {
                    return null;
                }

                pieces.Add(filled == piece.Length ? piece : piece[..filled]);
                if (filled < piece.Length)
                {
                    return Join(pieces, total);
                }
            }
        }
    }

    private static byte[] Join(List<byte[]> pieces, long total)
    {
        if (pieces.Count == 1)
        {
            return pieces[0];
        }

        var body = new byte[total];
        var at = 0;
        foreach (var piece in pieces)
        {
            piece.CopyTo(body, at);
            at += piece.Length;
        }

        return body;
    }
}
