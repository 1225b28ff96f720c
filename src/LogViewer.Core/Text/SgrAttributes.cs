namespace LogViewer.Core.Text;

/// <summary>The SGR text attributes the viewer draws (blink, conceal and the rest are dropped).</summary>
[Flags]
public enum SgrAttributes
{
    None = 0,
    Bold = 1,
    Faint = 2,
    Italic = 4,
    Underline = 8,
    Reverse = 16,
    Strikethrough = 32,
}
