namespace LogViewer.Tui.Output;

/// <summary>
/// Rows <see cref="Top"/> to <see cref="Bottom"/> (0-based, inclusive, full width) moved by the terminal itself:
/// <see cref="Lines"/> up when positive (the rows below move to lower row numbers, as a log gaining lines does), down
/// when negative. The rows the move leaves behind show nothing known and are drawn again.
/// </summary>
internal readonly record struct TerminalScroll(int Top, int Bottom, int Lines)
{
    /// <summary>
    /// Set the scroll region (DECSTBM), scroll it (SU or SD), and give the whole screen back as the region. Both
    /// DECSTBM calls put the cursor home, which the writer never relies on: it places the cursor before every run.
    /// </summary>
    public string Sequence =>
        Lines > 0
            ? $"\u001b[{Top + 1};{Bottom + 1}r\u001b[{Lines}S\u001b[r"
            : $"\u001b[{Top + 1};{Bottom + 1}r\u001b[{-Lines}T\u001b[r";
}
