namespace LogViewer.Tui.Watching;

/// <summary>
/// The viewer's use of xterm's title stack, as the sequences to write: the user's title is pushed before the first
/// title of ours, popped when the viewer hands the terminal to the shell (Ctrl+Z, exit, a crash) and pushed again with
/// our title when it takes the terminal back (<c>fg</c>). Each pop matches one push, so however often the viewer is
/// suspended, the user's title is the one left on the terminal when it ends. Used on the UI thread only.
/// </summary>
internal sealed class TitleStack
{
    private bool _pushed;
    private bool _givenBack;

    /// <summary>The title the viewer shows (or would show while given back).</summary>
    public string? Current { get; private set; }

    /// <summary>Saves the user's title and shows <paramref name="title"/>.</summary>
    public string Push(string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        Current = title;
        _pushed = true;
        _givenBack = false;
        return TerminalSequences.SaveTitle + TerminalSequences.Title(title);
    }

    /// <summary>Shows <paramref name="title"/>; while given back only remembers it for <see cref="TakeBack"/>.</summary>
    public string Set(string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        Current = title;
        return _pushed ? TerminalSequences.Title(title) : string.Empty;
    }

    /// <summary>Puts the user's title back (once: a second call writes nothing).</summary>
    public string GiveBack()
    {
        if (!_pushed)
        {
            return string.Empty;
        }

        _pushed = false;
        _givenBack = true;
        return TerminalSequences.RestoreTitle;
    }

    /// <summary>After <see cref="GiveBack"/> for a stop: saves the user's title again and shows ours.</summary>
    public string TakeBack() => _givenBack && Current is { } title ? Push(title) : string.Empty;

    /// <summary>At exit: the user's title back, for good.</summary>
    public string End()
    {
        var sequence = GiveBack();
        _givenBack = false;
        return sequence;
    }
}
