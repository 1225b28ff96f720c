namespace LogViewer.Simulator.Logs;

/// <summary>
/// A generated line's text: a fixed string, or the values already drawn for it and how to write them out. Generating a
/// target's history draws every random value in order (so the sequence never changes), but writing each message is most
/// of the cost, and a viewer asks for a page of a few hundred lines out of hours of them: the text is written the first
/// time somebody reads it.
/// </summary>
internal readonly struct LineText
{
    private readonly string? _text;
    private readonly Func<string>? _write;

    private LineText(string? text, Func<string>? write)
    {
        _text = text;
        _write = write;
    }

    /// <summary>Text written on first read by <paramref name="write"/>, which must only format values it captured.</summary>
    public static LineText Later(Func<string> write) => new(null, write);

    public static implicit operator LineText(string text) => new(text, null);

    /// <summary>The fixed text, or null when it is written later.</summary>
    public string? Fixed => _text;

    /// <summary>The writer of a text written later, or null for fixed text.</summary>
    public Func<string>? Writer => _write;

    /// <summary>The text, written now if it was deferred (used where it is needed at once).</summary>
    public override string ToString() => _text ?? _write!();
}
