namespace LogViewer.Simulator;

/// <summary>
/// A generated line's text: a fixed string, or the values already drawn for it and how to write them out. Generating a
/// target's history draws every random value in order (so the sequence never changes), but writing each message is most
/// of the cost, and a viewer asks for a page of a few hundred lines out of hours of them: the text is written the first
/// time somebody reads it.
/// </summary>
internal readonly struct LineText
{
    private readonly string? _text;
    private readonly DeferredText? _later;

    private LineText(string? text, DeferredText? later)
    {
        _text = text;
        _later = later;
    }

    /// <summary>
    /// Text written on first read by <paramref name="write"/> from <paramref name="values"/>. One object per line holds
    /// both (a static lambda is cached): a closure would cost a delegate and a capture object or two, and hours of
    /// generated lines all survive into the store, so each object is paid again by every collection that moves them.
    /// </summary>
    public static LineText Later<TValues>(TValues values, Func<TValues, string> write) => new(null, new DeferredValues<TValues>(values, write));

    public static implicit operator LineText(string text) => new(text, null);

    /// <summary>The fixed text, or null when it is written later.</summary>
    public string? Fixed => _text;

    /// <summary>The text written later, or null for fixed text.</summary>
    public DeferredText? Deferred => _later;

    /// <summary>The text, written now if it was deferred (used where it is needed at once).</summary>
    public override string ToString() => _text ?? _later!.Write();

    private sealed class DeferredValues<TValues>(TValues values, Func<TValues, string> write) : DeferredText
    {
        public override string Write() => write(values);
    }
}

/// <summary>A line's text still to be written from the values drawn for it.</summary>
internal abstract class DeferredText
{
    public abstract string Write();
}
