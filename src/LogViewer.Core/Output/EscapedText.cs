using System.Text;

namespace LogViewer.Core.Output;

/// <summary>
/// Makes a log message safe to print as a line of text while still showing all it holds: ESC becomes <c>\e</c>
/// and every other C0 control (except tab), DEL and C1 control becomes <c>\xNN</c>, so no log line can move the
/// cursor, change colours, set the title or hide text. Tab is kept: it only moves to the next column and tracebacks
/// use it. (Core's <c>TerminalText.Sanitize</c> removes instead, which suits the TUI; text output is often piped to
/// files and greps, where what the line held must stay visible.)
/// </summary>
public static class EscapedText
{
    public static bool NeedsEscaping(char c) => (c < 0x20 && c != '\t') || (c >= 0x7F && c <= 0x9F);

    public static void AppendEscaped(StringBuilder builder, ReadOnlySpan<char> text)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var span = text;
        while (!span.IsEmpty)
        {
            var next = IndexOfControl(span);
            if (next < 0)
            {
                builder.Append(span);
                return;
            }

            builder.Append(span[..next]);
            var c = span[next];
            if (c == '\u001b')
            {
                builder.Append("\\e");
            }
            else
            {
                builder.Append("\\x").Append(((int)c).ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
            }

            span = span[(next + 1)..];
        }
    }

    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (IndexOfControl(text) < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 16);
        AppendEscaped(builder, text);
        return builder.ToString();
    }

    private static int IndexOfControl(ReadOnlySpan<char> span)
    {
        for (var i = 0; i < span.Length; i++)
        {
            if (NeedsEscaping(span[i]))
            {
                return i;
            }
        }

        return -1;
    }
}
