using System.Text;
using LogViewer.Tui.App;
using LogViewer.Tui.Output;
using Terminal.Gui.Drawing;
using Terminal.Gui.Drivers;
using Terminal.Gui.Text;
using Attribute = Terminal.Gui.Drawing.Attribute;
using Color = Terminal.Gui.Drawing.Color;

namespace LogViewer.Tui.Tests.Output;

/// <summary>
/// The output that sends only changed cells: whatever the frames, a terminal fed its bytes must show the last frame,
/// cell for cell (<see cref="TerminalReplica"/>); an unchanged frame costs nothing; a log that gained lines is
/// scrolled on the terminal and only its new rows are written.
/// </summary>
public sealed class ChangedCellsOutputTests
{
    private static readonly Attribute Normal = new(ColorName16.White, ColorName16.Black);
    private static readonly Attribute[] Palette =
    [
        Normal,
        new(ColorName16.Black, ColorName16.Green),
        new(ColorName16.BrightRed, ColorName16.Black, TextStyle.Bold),
        new(ColorName16.Cyan, ColorName16.Black, TextStyle.Underline | TextStyle.Italic),
        new(ColorName16.White, ColorName16.Blue, TextStyle.Reverse),
        new(ColorName16.Yellow, ColorName16.Black, TextStyle.Faint),

        // The terminal's own colours, as the log pane draws its messages: blank ends of these rows can be erased.
        new(Color.None, Color.None),
        new(Color.None, Color.None, TextStyle.Reverse),
        new(ColorName16.Green, Color.None, TextStyle.Underline),
    ];

    [Fact]
    public void The_First_Frame_Is_Written_Whole_And_Shown_As_Drawn()
    {
        var screen = new LogScreen(60, 12);
        screen.Add(20, seed: 1);
        var terminal = new Terminal(screen);

        terminal.Draw();

        Assert.Null(terminal.Mismatch());
    }

    [Fact]
    public void A_Frame_Drawn_Again_Unchanged_Writes_Nothing()
    {
        var terminal = Shown(60, 12, seed: 2);

        // Terminal.Gui marks every cell a view draws dirty, changed or not.
        var written = terminal.Draw();

        Assert.Equal(string.Empty, written);
    }

    [Fact]
    public void One_Changed_Cell_Writes_A_Move_Its_Attribute_And_The_Cell()
    {
        var terminal = Shown(60, 12, seed: 3);

        terminal.Screen.Status = terminal.Screen.Status.Remove(10, 1).Insert(10, "#");
        var written = terminal.Draw();

        Assert.Null(terminal.Mismatch());
        Assert.Contains("#", written, StringComparison.Ordinal);
        Assert.True(written.Length < 60, $"{written.Length} bytes for one cell: {Escaped(written)}");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(7)]
    public void A_Log_That_Gained_Lines_Is_Scrolled_And_Only_The_New_Rows_Written(int lines)
    {
        var terminal = Shown(80, 20, seed: 4);
        var wholePane = RowBytes(terminal.Screen) * terminal.Screen.PaneRows;

        terminal.Screen.Add(lines, seed: 5);
        var written = terminal.Draw();

        Assert.Null(terminal.Mismatch());
        Assert.Equal(1, terminal.Replica.Scrolls);
        Assert.Equal(lines, terminal.Replica.ScrolledRows);
        // The new rows, the sidebar cells the scroll moved, the moves: far less than the pane written whole.
        Assert.True(written.Length < (lines + 3) * RowBytes(terminal.Screen), $"{written.Length} bytes for {lines} new rows (the whole pane: {wholePane}): {Escaped(written)}");
    }

    [Fact]
    public void A_Row_Left_Blank_To_Its_End_In_The_Default_Colours_Is_Erased()
    {
        var terminal = Shown(60, 12, seed: 9);

        terminal.Screen.Status = "short";
        terminal.Screen.StatusAttribute = new Attribute(Color.None, Color.None);
        var written = terminal.Draw();

        Assert.Null(terminal.Mismatch());
        Assert.Contains("\u001b[K", written, StringComparison.Ordinal);
        Assert.True(written.Length < 40, $"{written.Length} bytes: {Escaped(written)}");
    }

    [Fact]
    public void Rows_After_An_Erase_Keep_Their_Colours()
    {
        var buffer = new OutputBufferImpl();
        buffer.SetSize(20, 3);
        var written = new StringBuilder();
        var output = new ChangedCellsOutput(text => written.Append(text));
        var replica = new TerminalReplica(20, 3);
        Fill(buffer, 0, "x", Normal);
        Fill(buffer, 1, "x", Normal);
        output.Write(buffer);

        // Row 0 ends in blanks of the default colours right after a badge; row 1 starts with the same badge, which
        // Terminal.Gui's writer sends no attribute for (it sent that attribute last).
        var badge = Palette[1];
        var plain = new Attribute(Color.None, Color.None);
        Fill(buffer, 0, " ", plain);
        Put(buffer, 0, 0, "ERR", badge);
        Fill(buffer, 1, "y", plain);
        Put(buffer, 1, 0, "ERR", badge);
        output.Write(buffer);

        replica.Apply(written.ToString());
        Assert.Contains("\u001b[K", written.ToString(), StringComparison.Ordinal);
        Assert.Null(replica.Mismatch(buffer));
    }

    [Fact]
    public void Scrolling_Back_Moves_The_Rows_Down()
    {
        var terminal = Shown(80, 20, seed: 6);

        terminal.Screen.Back = 4;
        var written = terminal.Draw();

        Assert.Null(terminal.Mismatch());
        Assert.Equal(4, terminal.Replica.ScrolledRows);
        Assert.True(written.Length < 8 * RowBytes(terminal.Screen), $"{written.Length} bytes");
    }

    [Fact]
    public void A_New_Cell_Array_Is_Written_Whole()
    {
        var terminal = Shown(60, 12, seed: 7);

        // What a forced redraw does (a resumed job: the terminal showed the shell meanwhile).
        terminal.Screen.Buffer.ClearContents();
        terminal.Replica.Resize(1, 1);
        terminal.Replica.Resize(60, 12);
        terminal.Draw();

        Assert.Null(terminal.Mismatch());
    }

    [Fact]
    public void After_Forget_The_Next_Frame_Is_Written_Whole()
    {
        var terminal = Shown(60, 12, seed: 8);

        terminal.Output.Forget();
        terminal.Replica.Resize(1, 1);
        terminal.Replica.Resize(60, 12);
        terminal.Draw();

        Assert.Null(terminal.Mismatch());
    }

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    [InlineData(13)]
    [InlineData(14)]
    [InlineData(15)]
    [InlineData(16)]
    [InlineData(17)]
    [InlineData(18)]
    public void Any_Sequence_Of_Frames_Ends_With_The_Terminal_Showing_The_Last(int seed)
    {
        var random = new Random(seed);
        var terminal = Shown(70, 16, seed);
        var screen = terminal.Screen;
        for (var step = 0; step < 80; step++)
        {
            var change = random.Next(8);
            switch (change)
            {
                case 0 or 1:
                    screen.Add(random.Next(1, 20), random.Next());
                    break;
                case 2:
                    screen.Back = Math.Max(0, screen.Back + random.Next(-6, 7));
                    break;
                case 3:
                    screen.Status = $"status {random.Next(1000)} {new string('=', random.Next(30))}";
                    screen.StatusAttribute = Palette[random.Next(Palette.Length)];
                    break;
                case 4:
                    screen.Sidebar = random.Next(3);
                    break;
                case 5:
                    var (columns, rows) = (random.Next(30, 90), random.Next(6, 24));
                    screen.Resize(columns, rows);
                    terminal.Replica.Resize(columns, rows);
                    break;
                case 6:
                    screen.Scribble(random);
                    break;
                default:
                    // Nothing changed; Terminal.Gui draws it again anyway.
                    break;
            }

            var written = terminal.Draw();
            var mismatch = terminal.Mismatch();
            Assert.True(mismatch is null, $"step {step} (change {change}): {mismatch}");
            if (change == 7)
            {
                Assert.Equal(string.Empty, written);
            }
        }
    }

    [Fact]
    public void A_Hidden_Cursor_Is_Sent_Once()
    {
        var (output, written) = Capture();
        IOutput terminal = output;

        terminal.SetCursor(new Cursor());
        var first = written.ToString();
        written.Clear();
        terminal.SetCursor(new Cursor());
        output.Write(new LogScreen(20, 5).Draw());
        written.Clear();
        terminal.SetCursor(new Cursor());

        Assert.Equal(EscSeqUtils.CSI_HideCursor, first);
        Assert.Equal(string.Empty, written.ToString());
    }

    [Fact]
    public void A_Shown_Cursor_Is_Sent_When_It_Moves_Or_A_Frame_Moved_It()
    {
        var (output, written) = Capture();
        IOutput terminal = output;
        var at = new Cursor { Position = new System.Drawing.Point(4, 2), Style = CursorStyle.SteadyBar };

        terminal.SetCursor(at);
        Assert.EndsWith("\u001b[3;5H", written.ToString(), StringComparison.Ordinal);
        Assert.Contains(EscSeqUtils.CSI_ShowCursor, written.ToString(), StringComparison.Ordinal);
        written.Clear();

        terminal.SetCursor(at);
        Assert.Equal(string.Empty, written.ToString());

        output.Write(new LogScreen(20, 5).Draw());
        written.Clear();
        terminal.SetCursor(at);
        Assert.Equal("\u001b[3;5H", written.ToString());
        Assert.Equal(at, terminal.GetCursor());
    }

    [Fact]
    public void A_Raw_Sequence_Makes_The_Cursor_Be_Sent_Again()
    {
        var (output, written) = Capture();
        IOutput terminal = output;
        terminal.SetCursor(new Cursor());

        terminal.Write("\u001b]0;title\u0007");
        written.Clear();
        terminal.SetCursor(new Cursor());

        Assert.Equal(EscSeqUtils.CSI_HideCursor, written.ToString());
    }

    [Fact]
    public void The_Application_Writes_Through_This_Output()
    {
        using var app = WaitingTerminalInput.CreateApplication(out _);

        Assert.IsType<ChangedCellsOutput>(app.Driver!.GetOutput());
    }

    // A terminal that shows a first frame of 30 lines.
    private static Terminal Shown(int columns, int rows, int seed)
    {
        var screen = new LogScreen(columns, rows);
        screen.Add(30, seed);
        var terminal = new Terminal(screen);
        terminal.Draw();
        return terminal;
    }

    private static void Fill(OutputBufferImpl buffer, int row, string text, Attribute attribute) =>
        Put(buffer, row, 0, string.Concat(Enumerable.Repeat(text, buffer.Cols)), attribute);

    private static void Put(OutputBufferImpl buffer, int row, int column, string text, Attribute attribute)
    {
        buffer.CurrentAttribute = attribute;
        buffer.Move(column, row);
        buffer.AddStr(text);
    }

    private static (ChangedCellsOutput Output, StringBuilder Written) Capture()
    {
        var written = new StringBuilder();
        return (new ChangedCellsOutput(text => written.Append(text)), written);
    }

    // A row of the pane written whole: every cell and a few attribute changes.
    private static int RowBytes(LogScreen screen) => screen.Columns + 4 * 40;

    private static string Escaped(string text) => text.Replace("\u001b", "ESC", StringComparison.Ordinal);

    /// <summary>The output under test writing a screen's frames to a replica terminal.</summary>
    private sealed class Terminal
    {
        private readonly StringBuilder _written = new();

        public Terminal(LogScreen screen)
        {
            Screen = screen;
            Output = new ChangedCellsOutput(text => _written.Append(text));
            Replica = new TerminalReplica(screen.Columns, screen.Rows);
        }

        public LogScreen Screen { get; }

        public ChangedCellsOutput Output { get; }

        public TerminalReplica Replica { get; }

        /// <summary>Draws the screen as Terminal.Gui would, writes it, and returns the bytes the terminal received.</summary>
        public string Draw()
        {
            _written.Clear();
            Output.Write(Screen.Draw());
            var written = _written.ToString();
            Replica.Apply(written);
            return written;
        }

        public string? Mismatch() => Replica.Mismatch(Screen.Buffer);
    }

    /// <summary>
    /// A screen laid out like the viewer's: a framed sidebar on the left, a log pane that shows the newest lines (or
    /// <see cref="Back"/> lines before them), a status row. Drawn as Terminal.Gui draws: every cell again, each frame.
    /// </summary>
    private sealed class LogScreen(int columns, int rows)
    {
        private const int SidebarWidth = 12;
        private static readonly string[] Words = ["GET", "/health", "200", "日本語", "🙂", "request", "tokens=42", "ok", "—", "latency"];
        private readonly List<(string Text, Attribute Attribute)> _lines = [];
        private readonly List<(int Row, int Column, string Text, Attribute Attribute)> _scribbles = [];

        public OutputBufferImpl Buffer { get; } = NewBuffer(columns, rows);

        public int Columns { get; private set; } = columns;

        public int Rows { get; private set; } = rows;

        public int PaneRows => Rows - 1;

        public int Back { get; set; }

        public int Sidebar { get; set; }

        public string Status { get; set; } = "model abc | live, polled 1s ago | 1,234 lines | FOLLOW";

        public Attribute StatusAttribute { get; set; } = Palette[4];

        public void Add(int count, int seed)
        {
            var random = new Random(seed);
            for (var i = 0; i < count; i++)
            {
                var text = $"{_lines.Count:D5} " + string.Join(' ', Enumerable.Range(0, random.Next(1, 12)).Select(_ => Words[random.Next(Words.Length)]));
                _lines.Add((text, Palette[random.Next(Palette.Length)]));
            }
        }

        public void Resize(int newColumns, int newRows)
        {
            (Columns, Rows) = (newColumns, newRows);
            Buffer.SetSize(newColumns, newRows);
            _scribbles.Clear();
        }

        public void Scribble(Random random)
        {
            var text = Words[random.Next(Words.Length)];
            _scribbles.Add((random.Next(Rows), random.Next(Columns), text, Palette[random.Next(Palette.Length)]));
        }

        public OutputBufferImpl Draw()
        {
            Buffer.Clip = new Region(new System.Drawing.Rectangle(0, 0, Columns, Rows));
            DrawSidebar();
            var paneWidth = Columns - SidebarWidth;
            var last = Math.Max(0, _lines.Count - Back);
            for (var row = 0; row < PaneRows; row++)
            {
                var index = last - PaneRows + row;
                var (text, attribute) = index >= 0 && index < _lines.Count ? _lines[index] : (string.Empty, Normal);

                // A badge in its own colours first, as the log pane draws a level; a line may have nothing after it.
                var digit = text.Length > 4 ? text[4] : ' ';
                var badge = digit is '1' or '3' or '5' ? "ERR " : string.Empty;
                Put(row, SidebarWidth, badge, Palette[1]);
                Put(row, SidebarWidth + badge.Length, Fit(digit is '1' ? string.Empty : text, paneWidth - badge.Length), attribute);
            }

            Put(Rows - 1, 0, Fit(Status, Columns), StatusAttribute);
            foreach (var (row, column, text, attribute) in _scribbles)
            {
                Put(row, column, text, attribute);
            }

            return Buffer;
        }

        private void DrawSidebar()
        {
            for (var row = 0; row < PaneRows; row++)
            {
                var inner = row switch
                {
                    0 => "┤Replicas├".PadRight(SidebarWidth - 2, '─'),
                    _ when row == PaneRows - 1 => new string('─', SidebarWidth - 2),
                    _ when row <= 3 => Fit($" r{row} {Sidebar + row}/s", SidebarWidth - 2),
                    _ => new string(' ', SidebarWidth - 2),
                };
                var (left, right) = row == 0 ? ("╭", "╮") : row == PaneRows - 1 ? ("╰", "╯") : ("│", "│");
                Put(row, 0, left + inner + right, row is >= 1 and <= 3 ? Palette[(row + Sidebar) % Palette.Length] : Normal);
            }
        }

        private void Put(int row, int column, string text, Attribute attribute)
        {
            Buffer.CurrentAttribute = attribute;
            Buffer.Move(column, row);
            Buffer.AddStr(text);
        }

        // Clipped or padded to a width in columns (wide characters take two).
        private static string Fit(string text, int width)
        {
            var fitted = new StringBuilder();
            var used = 0;
            foreach (var rune in text.EnumerateRunes())
            {
                var runeWidth = rune.ToString().GetColumns();
                if (used + runeWidth > width)
                {
                    break;
                }

                fitted.Append(rune.ToString());
                used += runeWidth;
            }

            return fitted.Append(' ', width - used).ToString();
        }

        private static OutputBufferImpl NewBuffer(int columns, int rows)
        {
            var buffer = new OutputBufferImpl();
            buffer.SetSize(columns, rows);
            return buffer;
        }
    }
}
