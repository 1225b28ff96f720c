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

    [Theory]
    [InlineData("38:2::10:20:30")] // ITU T.416 with the colour space id left empty, as most programs write it
    [InlineData("38:2:0:10:20:30")] // the colour space id given
    [InlineData("38:2:10:20:30")] // xterm's form without the id
    [InlineData("38;2;10;20;30")]
    public void A_Truecolour_Foreground_In_Every_Form_Sets_Only_The_Colour(string parameters) =>
        Assert.Equal(new SgrStyle(SgrColour.Rgb(10, 20, 30), null, SgrAttributes.None), SgrStyle.Plain.Apply(parameters));

    [Theory]
    [InlineData("48:2::10:20:30")]
    [InlineData("48:2:0:10:20:30")]
    [InlineData("48:2:10:20:30")]
    public void A_Truecolour_Background_In_The_Colon_Forms_Sets_Only_The_Colour(string parameters) =>
        Assert.Equal(new SgrStyle(null, SgrColour.Rgb(10, 20, 30), SgrAttributes.None), SgrStyle.Plain.Apply(parameters));

    [Fact]
    public void The_Colon_Forms_End_At_Their_Parameter_And_The_Codes_After_Them_Apply()
    {
        // The values of a colon form are one parameter: its trailing 0 is no reset and its 3 no italic.
        Assert.Equal(
            new SgrStyle(SgrColour.Rgb(255, 0, 0), SgrColour.Palette(208), SgrAttributes.Underline),
            SgrStyle.Plain.Apply("1;38:2::255:0:0;48:5:208;22;4"));
        Assert.Equal(new SgrStyle(SgrColour.Rgb(1, 2, 3), null, SgrAttributes.Bold), SgrStyle.Plain.Apply("38:2::1:2:3;1"));
        Assert.Equal(new SgrStyle(SgrColour.Palette(9), SgrColour.Palette(42), SgrAttributes.None), SgrStyle.Plain.Apply("38:5:9;48:5:42"));
    }

    [Fact]
    public void Underline_Sub_Parameters_Set_And_Clear_It()
    {
        var underlined = SgrStyle.Plain.Apply("4:3");

        Assert.Equal(SgrAttributes.Underline, underlined.Attributes);
        Assert.Equal(SgrAttributes.None, underlined.Apply("4:0").Attributes);
    }

    [Fact]
    public void Sanitize_Positions_A_Colon_Form_Colour()
    {
        var styles = new List<StyleChange>();

        var text = TerminalText.Sanitize("a\u001b[38:2::10:20:30mb\u001b[48:5:208mc", styles);

        Assert.Equal("abc", text);
        Assert.Equal(
            [
                new StyleChange(1, new SgrStyle(SgrColour.Rgb(10, 20, 30), null, SgrAttributes.None)),
                new StyleChange(2, new SgrStyle(SgrColour.Rgb(10, 20, 30), SgrColour.Palette(208), SgrAttributes.None)),
            ],
            styles);
    }
}
