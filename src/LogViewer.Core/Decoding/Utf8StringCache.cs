using System.Text;

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

        // FNV-1a: short values, a cheap hash is enough.
        var hash = 2166136261u;
        foreach (var b in utf8)
        {
            hash = (hash ^ b) * 16777619u;
        }

        var slot = (int)(hash % Slots);
        if (_bytes[slot] is { } cached && utf8.SequenceEqual(cached))
        {
            return _values[slot];
        }

        var value = Encoding.UTF8.GetString(utf8);
        _bytes[slot] = utf8.ToArray();
        _values[slot] = value;
        return value;
    }
}
