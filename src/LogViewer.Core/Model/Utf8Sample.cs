using System.Runtime.InteropServices;

namespace LogViewer.Core.Model;

/// <summary>Bytes of short UTF-8 values read as one number, for the cheap hashes of identities and cached ids.</summary>
internal static class Utf8Sample
{
    /// <summary>
    /// Every byte of a value under eight bytes as one number, without a padded copy (with the value's length, which the
    /// callers hash too, that tells any two such values apart): two overlapping four-byte reads, or for one to three
    /// bytes the first, middle and last.
    /// </summary>
    public static ulong Short(ReadOnlySpan<byte> utf8) => utf8.Length switch
    {
        >= 4 => MemoryMarshal.Read<uint>(utf8) | ((ulong)MemoryMarshal.Read<uint>(utf8[^4..]) << 32),
        > 0 => utf8[0] | ((ulong)utf8[utf8.Length / 2] << 8) | ((ulong)utf8[^1] << 16),
        _ => 0,
    };
}
