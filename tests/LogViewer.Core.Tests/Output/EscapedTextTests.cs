using LogViewer.Core.Output;

namespace LogViewer.Core.Tests.Output;

public sealed class EscapedTextTests
{
    [Theory]
    [InlineData("plain text", "plain text")]
    [InlineData("tab\tkept", "tab\tkept")]
    [InlineData("\u001b]0;pwned\u0007", "\\e]0;pwned\\x07")]
    [InlineData("progress 10%\rprogress 20%", "progress 10%\\x0dprogress 20%")]
    [InlineData("two\nlines", "two\\x0alines")]
    [InlineData("del\u007f and csi\u009b2J", "del\\x7f and csi\\x9b2J")]
    [InlineData("nul\0bell\a", "nul\\x00bell\\x07")]
    [InlineData("unicode 日本 🎉 ok", "unicode 日本 🎉 ok")]
    public void Control_Characters_Are_Shown_Not_Obeyed(string message, string expected) =>
        Assert.Equal(expected, EscapedText.Escape(message));
}
