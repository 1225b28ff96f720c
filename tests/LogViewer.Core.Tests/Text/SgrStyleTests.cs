using LogViewer.Core.Text;

namespace LogViewer.Core.Tests.Text;

public sealed class SgrStyleTests
{
    [Theory]
    [InlineData("plain")]
    [InlineData("\u001b[31mred\u001b[0m \u001b]0;title\u0007x\u001b[2Jy")]
    [InlineData("10%\r\u001b[32m50%\u001b[0m\r\u001b[33m100%")]
    [InlineData("a\tb\u001b[1mc\nd\u001b[0m")]
    public void Sanitize_With_Styles_Gives_The_Same_Text_As_Sanitize(string text)
    {
        var styles = new List<StyleChange>();

        Assert.Equal(TerminalText.Sanitize(text), TerminalText.Sanitize(text, styles));
    }

    [Fact]
    public void Styles_Are_Positioned_In_The_Sanitized_Text_And_A_Reset_Ends_Them()
    {
        var styles = new List<StyleChange>();

        var text = TerminalText.Sanitize("\u001b]0;t\u0007a\u001b[31mbc\u001b[0md\u001b[38;5;208me\u001b[38;2;1;2;3mf", styles);

        Assert.Equal("abcdef", text);
        Assert.Equal(
            [
                new StyleChange(1, new SgrStyle(SgrColour.Palette(1), null, SgrAttributes.None)),
                new StyleChange(3, SgrStyle.Plain),
                new StyleChange(4, new SgrStyle(SgrColour.Palette(208), null, SgrAttributes.None)),
                new StyleChange(5, new SgrStyle(SgrColour.Rgb(1, 2, 3), null, SgrAttributes.None)),
            ],
            styles);
    }

    [Fact]
    public void A_Progress_Line_Keeps_The_Style_In_Force_For_Its_Last_Segment()
    {
        var styles = new List<StyleChange>();

        var text = TerminalText.Sanitize("\u001b[32m10%\r50%\r\u001b[1m100%", styles);

        Assert.Equal("100%", text);
        Assert.Equal([new StyleChange(0, new SgrStyle(SgrColour.Palette(2), null, SgrAttributes.Bold))], styles);
    }

    [Fact]
    public void Private_And_Other_Csi_Sequences_Set_No_Style()
    {
        var styles = new List<StyleChange>();

        Assert.Equal("ab", TerminalText.Sanitize("a\u001b[?25l\u001b[>4;2m\u001b[2Jb", styles));
        Assert.Empty(styles);
    }

    [Theory]
    [InlineData("1;4;7", SgrAttributes.Bold | SgrAttributes.Underline | SgrAttributes.Reverse)]
    [InlineData("1;22", SgrAttributes.None)]
    [InlineData("2;3;9", SgrAttributes.Faint | SgrAttributes.Italic | SgrAttributes.Strikethrough)]
    public void Attributes_Are_Set_And_Cleared(string parameters, SgrAttributes expected) =>
        Assert.Equal(expected, SgrStyle.Plain.Apply(parameters).Attributes);

    [Fact]
    public void Palette_Indexes_Map_To_Xterm_Rgb()
    {
        Assert.Equal((255, 135, 0), SgrColour.Palette(208).ToRgb());
        Assert.Equal((8, 8, 8), SgrColour.Palette(232).ToRgb());
        Assert.Equal((0xCD, 0, 0), SgrColour.Palette(1).ToRgb());
        Assert.Equal(SgrColour.Palette(9), SgrStyle.Plain.Apply("91").Foreground);
        Assert.Equal(SgrColour.Palette(12), SgrStyle.Plain.Apply("104").Background);
    }
}
