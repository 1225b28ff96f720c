using LogViewer.Core.Text;

namespace LogViewer.Core.Tests.Text;

public sealed class TerminalTextTests
{
    [Theory]
    [InlineData("")]
    [InlineData("plain ascii line")]
    [InlineData("日本語ログ 🚀 ünïcödé")]
    public void Clean_Text_Is_Returned_As_The_Same_Instance(string text)
    {
        var result = TerminalText.Sanitize(text);

        Assert.Same(text, result);
        Assert.True(TerminalText.IsClean(text));
    }

    [Theory]
    [InlineData("\u001b[31mred\u001b[0m text", "red text")]
    [InlineData("\u001b[1;38;2;255;0;0mtruecolor\u001b[m", "truecolor")]
    [InlineData("\u001b[38;5;196mindexed\u001b[39m", "indexed")]
    [InlineData("a\u001b[2Jb\u001b[Hc\u001b[10;20fd", "abcd")]
    [InlineData("\u001b[?1049hswitch\u001b[?1049l", "switch")]
    [InlineData("\u001b[?1000;1006hmouse", "mouse")]
    [InlineData("up\u001b[5Aover\u001b[K", "upover")]
    [InlineData("\u009b31mc1 csi", "c1 csi")]
    public void Csi_Sequences_Including_Sgr_Are_Removed(string hostile, string expected)
    {
        Assert.Equal(expected, TerminalText.Sanitize(hostile));
    }

    [Theory]
    [InlineData("\u001b]0;pwned title\u0007after", "after")]
    [InlineData("\u001b]2;title\u001b\\after", "after")]
    [InlineData("\u001b]52;c;ZXZpbA==\u0007copied", "copied")]
    [InlineData("\u001b]52;c;ZXZpbA==\u001b\\copied", "copied")]
    [InlineData("\u001b]8;;http://x\u001b\\link\u001b]8;;\u001b\\", "link")]
    [InlineData("\u009d0;c1 osc\u009cafter", "after")]
    [InlineData("before\u001b]0;never terminated", "before")]
    public void Osc_Strings_Are_Removed_Up_To_Bel_Or_St(string hostile, string expected)
    {
        Assert.Equal(expected, TerminalText.Sanitize(hostile));
    }

    [Theory]
    [InlineData("\u001bPq#0;2;0;0;0#1~~@@\u001b\\x", "x")]
    [InlineData("\u001bXsos\u001b\\x", "x")]
    [InlineData("\u001b^pm\u001b\\x", "x")]
    [InlineData("\u001b_apc\u001b\\x", "x")]
    [InlineData("\u0090dcs\u009cx", "x")]
    public void Dcs_Sos_Pm_Apc_Strings_Are_Removed(string hostile, string expected)
    {
        Assert.Equal(expected, TerminalText.Sanitize(hostile));
    }

    [Theory]
    [InlineData("\u001bcreset", "reset")]
    [InlineData("\u001b7save\u001b8", "save")]
    [InlineData("\u001b(Bcharset", "charset")]
    [InlineData("\u001b#8align", "align")]
    [InlineData("\u001b=keypad\u001b>", "keypad")]
    [InlineData("trailing\u001b", "trailing")]
    [InlineData("\u001b]0;a\u001b[31mb", "b")]
    public void Two_Character_And_Truncated_Escapes_Are_Removed(string hostile, string expected)
    {
        Assert.Equal(expected, TerminalText.Sanitize(hostile));
    }

    [Fact]
    public void Every_C0_C1_And_Del_Control_Is_Removed()
    {
        // Given every control character except tab, newline and carriage return, around a word
        var controls = Enumerable.Range(0, 0x20).Concat(Enumerable.Range(0x7F, 0x21))
            .Select(c => (char)c)
            .Where(c => c is not '\t' and not '\n' and not '\r' and not '\u001b'
                and not '\u009b' and not '\u009d' and not '\u0090' and not '\u0098' and not '\u009e' and not '\u009f');
        var hostile = "a" + string.Concat(controls) + "b";

        // When
        var result = TerminalText.Sanitize(hostile);

        // Then
        Assert.Equal("ab", result);
    }

    [Fact]
    public void Bell_And_Backspace_Never_Reach_The_Output()
    {
        var result = TerminalText.Sanitize("ding\u0007\u0007 secret\b\b\b\b\b\bpublic");

        Assert.Equal("ding secretpublic", result);
    }

    [Theory]
    [InlineData("a\tb", "a       b")]
    [InlineData("\tx", "        x")]
    [InlineData("12345678\tx", "12345678        x")]
    [InlineData("1234567\tx", "1234567 x")]
    [InlineData("a\u001b[31m\tb", "a       b")]
    public void Tabs_Expand_To_Eight_Column_Stops(string text, string expected)
    {
        Assert.Equal(expected, TerminalText.Sanitize(text));
    }

    [Theory]
    [InlineData("10%\r50%\r100%", "100%")]
    [InlineData("progress 10%\rprogress 90%\r", "progress 90%")]
    [InlineData("done\r\u001b[K", "done")]
    [InlineData("a\r\rb", "b")]
    [InlineData("line\r\n", "line\u21b5")]
    public void Carriage_Return_Progress_Line_Shows_Its_Last_Non_Empty_Segment(string text, string expected)
    {
        Assert.Equal(expected, TerminalText.Sanitize(text));
    }

    [Fact]
    public void Newlines_Become_A_Visible_Mark_And_Restart_Tab_Stops()
    {
        var result = TerminalText.Sanitize("Traceback:\n\tat x\r\nend");

        Assert.Equal("Traceback:\u21b5        at x\u21b5end", result);
    }

    [Fact]
    public void Malformed_Csi_Stops_At_A_Control_Character_And_Handles_It()
    {
        var result = TerminalText.Sanitize("\u001b[31\u001b]0;t\u0007ok");

        Assert.Equal("ok", result);
    }

    [Fact]
    public void Randomized_Hostile_Input_Never_Leaves_A_Control_Character()
    {
        // Given strings built from escape fragments, controls and text in random order
        var random = new Random(1234);
        string[] fragments = ["\u001b", "[", "]", "P", "\\", "\u0007", "\u009c", "\u009b", "\u009d", "31m", ";", "\t",
            "\r", "\n", "\u007f", "\u0085", "x", "日", "🚀", "?1049h", "0;title"];

        for (var n = 0; n < 2000; n++)
        {
            var parts = Enumerable.Range(0, random.Next(1, 30)).Select(_ => fragments[random.Next(fragments.Length)]);
            var hostile = string.Concat(parts);

            // When
            var result = TerminalText.Sanitize(hostile);

            // Then
            Assert.True(TerminalText.IsClean(result), $"control left in sanitized output of {Escape(hostile)}");
        }
    }

    private static string Escape(string text) =>
        string.Concat(text.Select(c => c < ' ' || (c >= '\u007f' && c <= '\u009f') ? $"\\u{(int)c:x4}" : c.ToString()));
}
