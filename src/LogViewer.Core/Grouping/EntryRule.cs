namespace LogViewer.Core.Grouping;

/// <summary>
/// When consecutive lines of one replica are one event. A line joins the entry of the previous line of the same
/// replica when it came at most <see cref="Window"/> after it and: it is indented (a traceback frame or source
/// line, a continued message); or the entry is a Python traceback and it is the exception line (the first line
/// after the frames that is not indented), a blank line or chain header after it (<c>During handling of the above
/// exception...</c>, <c>The above exception was the direct cause...</c>), or the chained <c>Traceback</c> that
/// follows. A traceback is an error whatever the levels of its lines. Lines of different replicas never group,
/// and an entry holds at most <see cref="MaxLines"/> lines.
/// </summary>
public static class EntryRule
{
    /// <summary>The most time between two lines of one entry: a traceback is printed at once.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(1);

    /// <summary>The most lines one entry holds; a longer run starts a new entry.</summary>
    public const int MaxLines = 500;

    public static long WindowNanos => Window.Ticks * 100;

    public static LineKind Classify(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Length == 0 || string.IsNullOrWhiteSpace(message))
        {
            return LineKind.Blank;
        }

        if (message[0] is ' ' or '\t')
        {
            return LineKind.Indented;
        }

        var line = message.TrimEnd();
        if (line.StartsWith("Traceback (most recent call last):", StringComparison.Ordinal))
        {
            return LineKind.TracebackStart;
        }

        return line is "During handling of the above exception, another exception occurred:"
            or "The above exception was the direct cause of the following exception:"
            ? LineKind.ChainHeader
            : LineKind.Plain;
    }

    /// <summary>
    /// <see cref="Classify(string)"/> on a message's UTF-8, as the store groups at ingest without decoding it; blank
    /// means only ASCII whitespace here.
    /// </summary>
    public static LineKind Classify(ReadOnlySpan<byte> utf8)
    {
        var line = utf8.TrimEnd(" \t\r\n\v\f"u8);
        if (line.IsEmpty)
        {
            return LineKind.Blank;
        }

        if (utf8[0] is (byte)' ' or (byte)'\t')
        {
            return LineKind.Indented;
        }

        if (line.StartsWith("Traceback (most recent call last):"u8))
        {
            return LineKind.TracebackStart;
        }

        return line.SequenceEqual("During handling of the above exception, another exception occurred:"u8)
            || line.SequenceEqual("The above exception was the direct cause of the following exception:"u8)
            ? LineKind.ChainHeader
            : LineKind.Plain;
    }

    /// <summary>The phase an entry starts in with its first line.</summary>
    public static EntryPhase Start(LineKind first) => first == LineKind.TracebackStart ? EntryPhase.Frames : EntryPhase.Plain;

    /// <summary>The entry's phase once <paramref name="next"/> joins it, or null when the line starts a new entry.</summary>
    public static EntryPhase? Continue(EntryPhase phase, LineKind next) => (phase, next) switch
    {
        (_, LineKind.Indented) => phase == EntryPhase.Chained ? null : phase,
        (EntryPhase.Frames, LineKind.Blank) => EntryPhase.Frames,
        (EntryPhase.Frames, LineKind.Plain or LineKind.ChainHeader) => EntryPhase.AfterException,
        (EntryPhase.AfterException, LineKind.Blank) => EntryPhase.AfterException,
        (EntryPhase.AfterException, LineKind.ChainHeader) => EntryPhase.Chained,
        (EntryPhase.Chained, LineKind.Blank) => EntryPhase.Chained,
        (EntryPhase.Chained, LineKind.TracebackStart) => EntryPhase.Frames,
        _ => null,
    };

    /// <summary>A traceback makes its entry an error even when its lines carry no level.</summary>
    public static bool MakesError(LineKind kind) => kind == LineKind.TracebackStart;
}
