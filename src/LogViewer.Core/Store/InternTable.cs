namespace LogViewer.Core.Store;

/// <summary>
/// Maps replica and request ids to small ints so an entry holds 4 bytes instead of a string reference.
/// Code 0 is "no value". The writer adds under the store's lock; readers look codes up through
/// <see cref="Names"/>, an array that is only ever appended to or replaced by a longer copy.
/// </summary>
internal sealed class InternTable
{
    private readonly Dictionary<string, int> _codes = new(StringComparer.Ordinal);
    private string?[] _names = new string?[16];
    private int _count = 1;

    /// <summary>Code to name; index 0 is <c>null</c>. Valid up to the count a reader was published with.</summary>
    public string?[] Names => _names;

    public int Count => _count;

    public int Intern(string? value)
    {
        if (value is null)
        {
            return 0;
        }

        if (_codes.TryGetValue(value, out var code))
        {
            return code;
        }

        if (_count == _names.Length)
        {
            var grown = new string?[_names.Length * 2];
            _names.AsSpan().CopyTo(grown);
            _names = grown;
        }

        code = _count;
        _names[code] = value;
        _count = code + 1;
        _codes.Add(value, code);
        return code;
    }
}
