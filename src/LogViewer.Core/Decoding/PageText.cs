namespace LogViewer.Core.Decoding;

/// <summary>
/// The messages of one decoded answer that had to be unescaped or repaired, as UTF-8, back to back in blocks that its entries keep slices of
/// (<see cref="Model.LogEntry"/>'s UTF-8 form): one allocation per few hundred lines instead of a string per line.
/// Blocks stay small enough for the small-object heap (a page's 70-odd KB in one array would be near the large-object
/// threshold), and a block lives as long as any entry of it, which for a tail is the de-duplication's horizon.
/// </summary>
internal sealed class PageText
{
    private const int BlockBytes = 16 * 1024;

    private byte[] _block = [];
    private int _used;

    /// <summary>A copy of <paramref name="utf8"/> that never changes.</summary>
    public ReadOnlyMemory<byte> Add(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > _block.Length - _used)
        {
            if (utf8.Length > BlockBytes / 4)
            {
                // A long message gets its own array rather than leaving most of a block unused.
                return utf8.ToArray();
            }

            _block = GC.AllocateUninitializedArray<byte>(BlockBytes);
            _used = 0;
        }

        utf8.CopyTo(_block.AsSpan(_used));
        var copy = new ReadOnlyMemory<byte>(_block, _used, utf8.Length);
        _used += utf8.Length;
        return copy;
    }
}
