using Terminal.Gui.App;
using Terminal.Gui.Drivers;
using Terminal.Gui.Input;

namespace LogViewer.Tui.Keys;

/// <summary>
/// Terminal.Gui's ANSI input parser holds an ESC for 50 ms to see what follows, and reads ESC followed by a letter,
/// digit or control character as that key with Alt, because that is how terminals send Alt+key. Over SSH keys arrive
/// bunched, so Esc then <c>j</c> typed quickly arrives as Alt+J; the viewer binds no Alt key, and both keys were lost.
/// This splits such a key back into the two the user typed: Esc, then the key without Alt.
/// </summary>
internal static class EscapePrefix
{
    /// <summary>The key typed after Esc, when <paramref name="key"/> is Esc-then-key read as Alt; else null.</summary>
    public static Key? KeyAfterEscape(Key key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (!key.IsAlt)
        {
            return null;
        }

        var plain = key.NoAlt;
        return plain.KeyCode == KeyCode.Null ? null : plain;
    }

    /// <summary>Splits Alt keys on <paramref name="keyboard"/> before any view sees them, until disposed.</summary>
    public static IDisposable Attach(IKeyboard keyboard)
    {
        ArgumentNullException.ThrowIfNull(keyboard);
        void Split(object? sender, Key key)
        {
            if (key.Handled || KeyAfterEscape(key) is not { } second)
            {
                return;
            }

            key.Handled = true;
            keyboard.RaiseKeyDownEvent(Key.Esc);
            keyboard.RaiseKeyDownEvent(second);
        }

        keyboard.KeyDown += Split;
        return System.Reactive.Disposables.Disposable.Create(() => keyboard.KeyDown -= Split);
    }
}
