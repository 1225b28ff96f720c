using System.Runtime.InteropServices;
using System.Text;
using LogViewer.Core.Model;

namespace LogViewer.Core.Decoding;

/// <summary>
/// Turns short UTF-8 values that repeat (replica ids, request ids) into strings without allocating one per line:
/// a direct-mapped table of recently seen values. The one string cache of both LogV1 readers.
/// </summary>
internal sealed class Utf8StringCache
{
    private const int Slots = 4096;
    private const int MaxCachedLength = 128;

    private readonly byte[]?[] _bytes = new byte[Slots][];
    private readonly string[] _values = new string[Slots];

    public string Get(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > MaxCachedLength)
        {
            return Encoding.UTF8.GetString(utf8);
        }

        var hash = Hash(utf8);
        var slot = (int)(hash & (Slots - 1));
        if (_bytes[slot] is { } cached && utf8.SequenceEqual(cached))
        {
            return _values[slot];
        }

        var value = Encoding.UTF8.GetString(utf8);
        _bytes[slot] = utf8.ToArray();
        _values[slot] = value;
        return value;
    }

    /// <summary>
    /// Eight bytes at a time (a byte-at-a-time FNV over every replica and request id of a page was 4% of ingest): a
    /// slot is only a guess, checked against the cached bytes, so the hash needs spread, not strength.
    /// </summary>
    private static uint Hash(ReadOnlySpan<byte> utf8)
    {
        var hash = 14695981039346656037UL ^ (ulong)utf8.Length;
        var i = 0;
        for (; i + 8 <= utf8.Length; i += 8)
        {
            hash = (hash ^ MemoryMarshal.Read<ulong>(utf8[i..])) * 1099511628211UL;
        }

        if (i < utf8.Length)
        {
            // The last bytes, read as the final eight (overlapping what was hashed), or all of a shorter value.
            hash = (hash ^ (utf8.Length >= 8 ? MemoryMarshal.Read<ulong>(utf8[^8..]) : Utf8Sample.Short(utf8))) * 1099511628211UL;
        }

        return (uint)(hash ^ (hash >> 29) ^ (hash >> 47));
    }
}
