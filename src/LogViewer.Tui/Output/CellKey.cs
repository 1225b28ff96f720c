using Terminal.Gui.Drawing;

namespace LogViewer.Tui.Output;

/// <summary>A cell's text and attribute folded into one number, so rows can be compared at many offsets quickly.</summary>
internal static class CellKey
{
    /// <summary>The key of a cell whose content is not known: it matches no cell.</summary>
    public const int Unknown = 0;

    public static int Of(in Cell cell)
    {
        var text = cell.Grapheme;
        var textKey = text is { Length: 1 } ? text[0] : string.GetHashCode(text, StringComparison.Ordinal);
        var key = HashCode.Combine(textKey, cell.Attribute);
        return key == Unknown ? 1 : key;
    }
}
