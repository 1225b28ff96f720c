using LogViewer.Tui.Keys;
using LogViewer.Tui.State;

namespace LogViewer.Tui.Rules;

/// <summary>The keys of the open rule panel (Tab); the README's panel table and the panel's hint line come from it.</summary>
internal static class RulePanelKeys
{
    public static IReadOnlyList<KeyCommand> Commands { get; } =
    [
        new(["j", "Down"], "next rule", new MoveRuleCursor(1)),
        new(["k", "Up"], "previous rule", new MoveRuleCursor(-1)),
        new(["i"], "add an in-rule (show only what matches)", new BeginRuleEdit(RuleEditMode.AddIn)),
        new(["o"], "add an out-rule (hide what matches)", new BeginRuleEdit(RuleEditMode.AddOut)),
        new(["Enter", "e"], "edit the rule's pattern", new BeginRuleEdit(RuleEditMode.Edit)),
        new(["Space"], "turn the rule on/off", new ToggleSelectedRule()),
        new(["d", "Delete"], "delete the rule (or alert)", new DeleteSelectedRule()),
        new(["K"], "move the rule up", new MoveSelectedRule(-1)),
        new(["J"], "move the rule down", new MoveSelectedRule(1)),
        new(["S"], "search the server with these rules (7 days)", new SearchServer(Core.Rules.ServerSearch.DefaultDuration)),
        new([":"], "command prompt (:filter-in, :disable N...)", new OpenPrompt()),
        new(["Tab", "Esc"], "leave the panel", new ToggleRulePanel()),
        new(["q", "Ctrl+C"], "quit", new RequestQuit()),
    ];

    private static readonly Dictionary<string, ViewerAction> ByKey = KeyCommand.Index(Commands);

    public static ViewerAction? Resolve(string keyName) => ByKey.GetValueOrDefault(keyName);

    /// <summary>The panel's keys as a Markdown table, for the README.</summary>
    public static string ToMarkdown() => KeyCommand.ToMarkdown(Commands);
}
