using LogViewer.Core.Text;
using LogViewer.Tui.Drawing;
using LogViewer.Tui.State;
using Terminal.Gui.Drawing;
using Terminal.Gui.Input;
using Terminal.Gui.Text;
using Terminal.Gui.ViewBase;
using Attribute = Terminal.Gui.Drawing.Attribute;
using Color = Terminal.Gui.Drawing.Color;

namespace LogViewer.Tui.Views;

/// <summary>
/// The sidebar's rows: "all" then every replica in its colour, with lines held and lines per second.
/// A hidden replica is marked <c>-</c>, an isolated one <c>*</c>; the row under the sidebar cursor is reversed.
/// </summary>
internal sealed class ReplicaList : View
{
    private ViewerState _state = new();
    private string _shown = string.Empty;

    /// <summary>A left click on a sidebar row: 0 is "all", then the replicas in order.</summary>
    public event Action<int>? RowClicked;

    public void Render(ViewerState state)
    {
        var before = _state;
        _state = state;

        // Compare what would be shown (compact counts, whole rates), not the raw figures: over SSH the sidebar
        // then costs bytes about once a second, not on every refresh.
        var shown = Shown(state);
        if (!string.Equals(shown, _shown, StringComparison.Ordinal) || before.SidebarCursor != state.SidebarCursor
            || !ReferenceEquals(before.HiddenReplicas, state.HiddenReplicas)
            || !string.Equals(before.IsolatedReplica, state.IsolatedReplica, StringComparison.Ordinal))
        {
            _shown = shown;
            SetNeedsDraw();
        }
    }

    protected override bool OnMouseEvent(Mouse mouse)
    {
        ArgumentNullException.ThrowIfNull(mouse);
        if (mouse.Flags.HasFlag(MouseFlags.LeftButtonPressed) && mouse.Position is { } at && at.Y >= 0 && at.Y <= _state.Figures.Replicas.Length)
        {
            RowClicked?.Invoke(at.Y);
            return true;
        }

        return base.OnMouseEvent(mouse);
    }

    private static string Shown(ViewerState state) =>
        string.Join('|', state.Figures.Replicas.Select(r => $"{r.Replica} {FiguresText(r.Lines, r.RatePerSecond)}"))
        + FiguresText(state.Figures.Held, state.Figures.RatePerSecond);

    private static string FiguresText(long lines, double rate) => $"{HumanText.Compact(lines)} {HumanText.Compact((long)Math.Round(rate))}/s";

    protected override bool OnDrawingContent(DrawContext? context)
    {
        var normal = GetAttributeForRole(VisualRole.Normal);
        var width = Viewport.Width;
        var figures = _state.Figures;
        var anyFilter = _state.IsolatedReplica is not null || !_state.HiddenReplicas.IsEmpty;
        DrawRow(0, anyFilter ? " " : "*", "all", null, figures.Held, figures.RatePerSecond, normal, width);
        for (var i = 0; i < figures.Replicas.Length && i + 1 < Viewport.Height; i++)
        {
            var replica = figures.Replicas[i];
            var mark = _state.IsolatedReplica == replica.Replica ? "*"
                : _state.IsReplicaVisible(replica.Replica) ? " " : "-";
            var colour = new Color(ReplicaPalette.ColorOf(replica.Replica));
            DrawRow(i + 1, mark, TerminalText.Sanitize(replica.Replica), colour, replica.Lines, replica.RatePerSecond, normal, width);
        }

        SetAttribute(normal);
        for (var row = figures.Replicas.Length + 1; row < Viewport.Height; row++)
        {
            Move(0, row);
            AddStr(new string(' ', width));
        }

        context?.AddDrawnRectangle(ViewportToScreen());
        return true;
    }

    private void DrawRow(int row, string mark, string name, Color? colour, long lines, double rate, Attribute normal, int width)
    {
        if (row >= Viewport.Height)
        {
            return;
        }

        var selected = row == _state.SidebarCursor;
        var baseAttribute = selected ? normal with { Style = normal.Style | TextStyle.Reverse } : normal;
        var figures = FiguresText(lines, rate);
        var nameWidth = Math.Max(1, width - 2 - figures.Length - 1);
        Move(0, row);
        SetAttribute(baseAttribute);
        AddStr(mark + " ");
        SetAttribute(colour is { } c ? baseAttribute with { Foreground = c } : baseAttribute);
        AddStr(TextFormatter.ClipOrPad(name, nameWidth));
        SetAttribute(baseAttribute);
        AddStr(TextFormatter.ClipOrPad(" " + figures, Math.Max(0, width - 2 - nameWidth)));
    }
}
