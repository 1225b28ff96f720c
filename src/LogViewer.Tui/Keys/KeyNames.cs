using Terminal.Gui.Drivers;
using Terminal.Gui.Input;

namespace LogViewer.Tui.Keys;

/// <summary>Names a Terminal.Gui key the way <see cref="Viewer.KeyTable"/> spells keys: <c>j</c>, <c>G</c>, <c>?</c>, <c>Ctrl+D</c>, <c>PageUp</c>.</summary>
internal static class KeyNames
{
    public static string? NameOf(Key key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.IsAlt)
        {
            return null;
        }

        if (key.IsCtrl)
        {
            var plain = key.NoCtrl.NoShift;
            return plain.IsKeyCodeAtoZ ? $"Ctrl+{(char)plain.KeyCode}" : null;
        }

        var named = (key.KeyCode & ~KeyCode.ShiftMask) switch
        {
            KeyCode.CursorDown => "Down",
            KeyCode.CursorUp => "Up",
            KeyCode.CursorLeft => "Left",
            KeyCode.CursorRight => "Right",
            KeyCode.PageDown => "PageDown",
            KeyCode.PageUp => "PageUp",
            KeyCode.Home => "Home",
            KeyCode.End => "End",
            KeyCode.Esc => "Esc",
            KeyCode.Enter => "Enter",
            KeyCode.Space => "Space",
            KeyCode.Tab => "Tab",
            KeyCode.Delete => "Delete",
            KeyCode.F1 => "F1",
            _ => null,
        };
        if (named is not null)
        {
            return named;
        }

        var text = key.GetPrintableText();
        return string.IsNullOrEmpty(text) ? null : text;
    }
}
