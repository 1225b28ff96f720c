using LogViewer.Tui.Keys;
using LogViewer.Tui.State;

namespace LogViewer.Tui.Alerts;

/// <summary>The keys of the open alerts list (<c>:alerts</c>); the help overlay and the README take them from here.</summary>
internal static class AlertListKeys
{
    public static IReadOnlyList<KeyCommand> Commands { get; } =
    [
        new(["j", "Down"], "older alert", new MoveAlertCursor(1)),
        new(["k", "Up"], "newer alert", new MoveAlertCursor(-1)),
        new(["Enter"], "select its line in the pane", new JumpToAlert()),
        new(["Esc"], "close the list", new CloseAlerts()),
        new(["q", "Ctrl+C"], "quit", new RequestQuit()),
    ];

    private static readonly Dictionary<string, ViewerAction> ByKey = KeyCommand.Index(Commands);

    public static ViewerAction? Resolve(string keyName) => ByKey.GetValueOrDefault(keyName);
}
