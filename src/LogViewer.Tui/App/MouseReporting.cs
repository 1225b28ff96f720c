using Terminal.Gui.App;

namespace LogViewer.Tui.App;

/// <summary>
/// Turns the terminal's mouse reporting on or off. Terminal.Gui starts any-motion reporting (mode 1003), which over SSH
/// sends every twitch of the mouse upstream; the viewer needs only presses, releases and the wheel, so "on" is
/// button-event reporting (1002) in SGR encoding (1006). "Off" clears every mode either side turned on, and is also
/// written when the viewer exits, because Terminal.Gui's own restore does not know about 1002.
/// </summary>
internal static class MouseReporting
{
    public const string On = "\u001b[?1003l\u001b[?1002h\u001b[?1006h";

    public const string Off = "\u001b[?1003l\u001b[?1002l\u001b[?1000l\u001b[?1015l\u001b[?1006l";

    public static void Apply(IApplication app, bool enabled)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Mouse.IsMouseDisabled = !enabled;
        app.Driver?.WriteRaw(enabled ? On : Off);
    }
}
