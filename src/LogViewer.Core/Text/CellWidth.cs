using System.Globalization;
using System.Text;
using Wcwidth;

namespace LogViewer.Core.Text;

/// <summary>
/// How many terminal cells text takes. Text is cut into extended grapheme clusters by .NET's <see cref="StringInfo"/>
/// (Unicode's UAX #29 rules: a ZWJ emoji sequence, a flag, a skin-tone modifier, combining marks and variation
/// selectors stay with their base), and each cluster is measured with the Wcwidth package's table (East Asian Width
/// and emoji presentation per code point): the sum of its code points' widths, at most 2. That is the rule modern
/// terminals follow for a cluster and exactly how Terminal.Gui sizes a cell, so what the viewer counts, what
/// Terminal.Gui stores and what the terminal shows agree, and no cell is left stale.
/// </summary>
public static class CellWidth
{
    /// <summary>Cells taken by <paramref name="text"/>, cluster by cluster.</summary>
    public static int Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var width = 0;
        for (var i = 0; i < text.Length;)
        {
            var length = ClusterLength(text, i);
            width += OfCluster(text.AsSpan(i, length));
            i += length;
        }

        return width;
    }

    /// <summary>The length in UTF-16 units of the grapheme cluster starting at <paramref name="index"/>.</summary>
    public static int ClusterLength(string text, int index)
    {
        ArgumentNullException.ThrowIfNull(text);

        // Printable ASCII followed by ASCII is a cluster of its own: skip the segmentation tables for the common case.
        if (text[index] < 0x80 && (index + 1 == text.Length || text[index + 1] < 0x80))
        {
            return 1;
        }

        return StringInfo.GetNextTextElementLength(text.AsSpan(index));
    }

    /// <summary>Cells taken by one grapheme cluster: 0, 1 or 2.</summary>
    public static int OfCluster(ReadOnlySpan<char> cluster)
    {
        var width = 0;
        foreach (var rune in cluster.EnumerateRunes())
        {
            width += Math.Max(0, OfRune(rune));
        }

        return Math.Min(2, width);
    }

    /// <summary>One code point's width: -1 for controls, 0 for marks and joiners, 1, or 2 for wide and emoji.</summary>
    public static int OfRune(Rune rune) => UnicodeCalculator.GetWidth(rune);
}
