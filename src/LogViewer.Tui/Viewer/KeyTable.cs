using LogViewer.Core.Model;
using LogViewer.Tui.Charts;
using LogViewer.Tui.Copy;
using LogViewer.Tui.Detail;
using LogViewer.Tui.Entries;
using LogViewer.Tui.Keys;
using LogViewer.Tui.Lifecycle;
using LogViewer.Tui.Marks;
using LogViewer.Tui.Rules;
using LogViewer.Tui.State;
using LogViewer.Tui.Timeline;
using LogViewer.Tui.Trace;

namespace LogViewer.Tui.Viewer;

/// <summary>
/// Every key the viewer understands, in one list: key handling, the help overlay and the README table are all
/// produced from it, so they cannot disagree.
/// </summary>
internal static class KeyTable
{
    /// <summary>Columns moved per horizontal scroll key.</summary>
    public const int HorizontalStep = 8;

    public static IReadOnlyList<KeyCommand> Commands { get; } =
    [
        new(["j", "Down"], "next entry", new MoveBy(1)),
        new(["k", "Up"], "previous (older at top)", new MoveBy(-1)),
        new(["PageDown", "Space"], "down one page", new MoveByPages(1)),
        new(["PageUp", "b"], "page up (older at top)", new MoveByPages(-1)),
        new(["Ctrl+D"], "down half a page", new MoveByPages(0.5)),
        new(["Ctrl+U"], "up half a page", new MoveByPages(-0.5)),
        new(["g", "Home"], "first line, reads older", new GoToTop()),
        new(["G", "End"], "last line and follow", new GoToBottom()),
        new(["f"], "toggle follow", new ToggleFollow()),
        new(["l", "Right"], $"scroll right {HorizontalStep} cols", new ScrollHorizontally(HorizontalStep)),
        new(["h", "Left"], $"scroll left {HorizontalStep} cols", new ScrollHorizontally(-HorizontalStep)),
        new(["0"], "scroll to line start", new ResetHorizontalScroll()),
        new(["z"], "toggle wrap", new ToggleWrap()),
        new(["t"], "cycle time format", new CycleTimeFormat()),
        new(["/"], "filter: text or /regex/", new OpenFilter()),
        new(["H"], "narrow/highlight filter", new ToggleFilterMode()),
        new(["n"], "next match", new JumpToMatch(1)),
        new(["N"], "previous match", new JumpToMatch(-1)),
        new(["L"], "cycle minimum level", new CycleMinimumLevel()),
        new(["e"], "next error (at top)", new JumpToLevel(LogLevel.Error, 1)),
        new(["E"], "previous error (at top)", new JumpToLevel(LogLevel.Error, -1)),
        new(["w"], "next warning", new JumpToLevel(LogLevel.Warning, 1)),
        new(["W"], "previous warning", new JumpToLevel(LogLevel.Warning, -1)),
        new(["o"], "collapse/expand entry", new ToggleFold()),
        new(["O"], "collapse/expand all", new ToggleFoldAll()),
        new(["Enter"], "entry detail pane", new ToggleDetail()),
        new(["r"], "trace entry's request", new OpenTrace()),
        new(["#"], "chart entry's number", new ChartEntryNumber()),
        new(["I"], "request id column", new ToggleRequestIds()),
        new(["m"], "mark / unmark entry", new ToggleMark()),
        new(["u"], "next mark", new JumpToMark(1)),
        new(["U"], "previous mark", new JumpToMark(-1)),
        new(["c"], "copy marked/selected", new CopySelection()),
        new([":"], "command prompt (:help)", new OpenPrompt()),
        new(["Tab"], "filter rules panel", new ToggleRulePanel()),
        new(["]"], "next replica (sidebar)", new MoveSidebarCursor(1)),
        new(["["], "previous replica", new MoveSidebarCursor(-1)),
        new(["x"], "hide/show replica", new ToggleReplica()),
        new(["i"], "only this replica", new IsolateReplica()),
        new(["s"], "toggle sidebar", new ToggleSidebar()),
        new(["T"], "timeline strip", new ToggleTimeline()),
        new(["M"], "mouse on/off", new ToggleMouse()),
        new(["R"], "resume an ended job", new ResumeTail()),
        new(["p"], "back to the picker", new BackToPicker()),
        new(["?", "F1"], "toggle this help", new ToggleHelp()),
        new(["Esc"], "close pane/clear filter", new Escape()),
        new(["q", "Ctrl+C"], "quit", new RequestQuit()),
        new(["Ctrl+Z"], "suspend (fg resumes)", new RequestSuspend()),
    ];

    private static readonly Dictionary<string, ViewerAction> ByKey = KeyCommand.Index(Commands);

    /// <summary>The action bound to a key name (as <see cref="KeyNames"/> spells it), or null.</summary>
    public static ViewerAction? Resolve(string keyName) => ByKey.GetValueOrDefault(keyName);

    /// <summary>True when <paramref name="action"/> is one a key of this table dispatches.</summary>
    public static bool IsKey(ViewerAction action) => Commands.Any(command => command.Action == action);

    /// <summary>The key table as a Markdown table, for the README.</summary>
    public static string ToMarkdown() => KeyCommand.ToMarkdown(Commands);

    /// <summary>One line per command, keys padded to a column: the help overlay's text.</summary>
    public static IReadOnlyList<string> HelpLines() => KeyCommand.HelpLines(Commands);
}
