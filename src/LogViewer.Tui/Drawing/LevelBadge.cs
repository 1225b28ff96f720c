using LogViewer.Core.Model;
using Terminal.Gui.Drawing;
using Attribute = Terminal.Gui.Drawing.Attribute;

namespace LogViewer.Tui.Drawing;

/// <summary>
/// The three-letter level column. Colours come from the 16-colour palette so they map exactly on basic terminals;
/// the letters alone stay readable without colour.
/// </summary>
internal static class LevelBadge
{
    public const int Width = 3;

    public static string TextOf(LogLevel level) => level switch
    {
        LogLevel.Debug => "DBG",
        LogLevel.Info => "INF",
        LogLevel.Warning => "WRN",
        LogLevel.Error => "ERR",
        _ => "   ",
    };

    public static Attribute? AttributeOf(LogLevel level) => level switch
    {
        LogLevel.Debug => new Attribute(ColorName16.White, ColorName16.Blue),
        LogLevel.Info => new Attribute(ColorName16.Black, ColorName16.Green),
        LogLevel.Warning => new Attribute(ColorName16.Black, ColorName16.Yellow),
        LogLevel.Error => new Attribute(ColorName16.White, ColorName16.Red),
        _ => null,
    };
}
