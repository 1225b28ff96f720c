using LogViewer.Tui.State;

namespace LogViewer.Tui.Keys;

/// <summary>
/// One row of the key table: the keys (as users type them: <c>j</c>, <c>G</c>, <c>Ctrl+D</c>, <c>PageUp</c>),
/// what they do in words, and the action they dispatch.
/// </summary>
internal sealed record KeyCommand(IReadOnlyList<string> Keys, string Description, ViewerAction Action);
