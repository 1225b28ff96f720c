using System.Globalization;
using LogViewer.Core.Rules;
using LogViewer.Tui.State;
using Terminal.Gui.Drawing;
using Terminal.Gui.Input;
using Terminal.Gui.Text;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;
using Attribute = Terminal.Gui.Drawing.Attribute;

namespace LogViewer.Tui.Rules;

/// <summary>
/// The rule panel over the bottom of the log pane (Tab): one row per rule with its number, on/off box, kind,
/// pattern, how many held entries it matches and whether the server search can send it; an invalid pattern's
/// reason in place; under them the alert rules with their hits; the input for a rule being added or edited on the last row.
/// </summary>
internal sealed class RulePanel : View
{
    public const int PanelHeight = 12;
    private const string Hints = "i in  o out  Enter edit  Space on/off  d delete  J/K move  S server  Tab/Esc close";
    private static readonly Attribute ErrorAttribute = new(ColorName16.BrightRed, ColorName16.Black);

    private readonly TextField _input;
    private ViewerState _state = new();

    public RulePanel()
    {
        BorderStyle = LineStyle.Single;
        Title = "Filter rules";
        Visible = false;
        CanFocus = true;
        _input = new TextField { X = 9, Y = Pos.AnchorEnd(1), Width = Dim.Fill(), Height = 1, Visible = false };
        _input.ValueChanged += (_, e) => Dispatched?.Invoke(new RuleEditTextChanged(e.NewValue ?? string.Empty));
        _input.KeyDown += OnInputKeyDown;
        Add(_input);
    }

    public event Action<ViewerAction>? Dispatched;

    public bool IsEditing => _input.Visible;

    public void Render(ViewerState state)
    {
        var before = _state;
        _state = state;
        if (Visible != state.Panel.Open)
        {
            Visible = state.Panel.Open;
            SuperView?.SetNeedsDraw();
        }

        var editing = state.Panel.Editing != RuleEditMode.None;
        if (editing != _input.Visible)
        {
            _input.Visible = editing;
            if (editing)
            {
                _input.Value = state.Panel.EditText;
                _input.SetFocus();
            }
        }

        if (!ReferenceEquals(before.Panel, state.Panel) || !ReferenceEquals(before.Rules, state.Rules) || before.Alerts.Rules != state.Alerts.Rules)
        {
            SetNeedsDraw();
        }
    }

    /// <summary>The text of rule row <paramref name="index"/>: "2 [x] out  NCCL   1,204  server".</summary>
    internal static string RowText(ViewerState state, int index, IReadOnlyList<RulePushdown>? plan, int width)
    {
        var rule = state.Rules.Rules[index];
        var box = rule.Enabled ? "[x]" : "[ ]";
        var kind = rule.Kind == RuleKind.In ? "in " : "out";
        var count = rule.Pattern.Filter is null ? "-" : state.Panel.Counts.TryGetValue(rule.Pattern, out var n) ? n.ToString("N0", CultureInfo.InvariantCulture) : "...";
        var route = plan is null ? string.Empty : plan[index].Sent ? "server" : "local";
        var right = $" {count,9} {route,-6}";
        var left = $"{index + 1,2} {box} {kind} ";
        var patternWidth = Math.Max(4, width - left.Length - right.Length);
        var pattern = rule.Pattern.Error is { } error ? $"{rule.Pattern.Display}  ! {error}" : rule.Pattern.Display;
        return left + TextFormatter.ClipOrPad(pattern, patternWidth) + right;
    }

    /// <summary>The text of alert rule <paramref name="index"/>, under the filter rules: "    ! alert Traceback        12 hits".</summary>
    internal static string AlertRowText(ViewerState state, int index, int width)
    {
        var alert = state.Alerts.Rules[index];
        var right = $" {alert.Hits.ToString("N0", CultureInfo.InvariantCulture),9} {(alert.Hits == 1 ? "hit" : "hits"),-6}";
        const string Left = "    ! alert ";
        return Left + TextFormatter.ClipOrPad(alert.Pattern.Display, Math.Max(4, width - Left.Length - right.Length)) + right;
    }

    protected override bool OnDrawingContent(DrawContext? context)
    {
        var normal = GetAttributeForRole(VisualRole.Normal);
        var selected = GetAttributeForRole(VisualRole.Focus);
        var width = Viewport.Width;
        var height = Math.Max(1, Viewport.Height);
        var rules = _state.Rules.Rules;
        var plan = _state.Target is { } target ? ServerPushdown.Plan(_state.Rules, target).Rules : null;
        var listHeight = Math.Max(0, height - 2);
        var total = RuleReducer.PanelRows(_state.Rules, _state);
        var first = Math.Clamp(_state.Panel.Cursor - listHeight + 1, 0, Math.Max(0, total - listHeight));
        Move(0, 0);
        SetAttribute(normal with { Style = normal.Style | TextStyle.Faint });
        AddStr(TextFormatter.ClipOrPad(Hints, width));
        for (var row = 0; row < listHeight; row++)
        {
            var index = first + row;
            Move(0, row + 1);
            if (index >= total)
            {
                SetAttribute(normal);
                AddStr(TextFormatter.ClipOrPad(total == 0 && row == 0 ? "  no rules: i adds an in-rule, o an out-rule (text, /regex/, \\/literal)" : string.Empty, width));
                continue;
            }

            if (index >= rules.Count)
            {
                SetAttribute(index == _state.Panel.Cursor ? selected : normal);
                AddStr(TextFormatter.ClipOrPad(AlertRowText(_state, index - rules.Count, width), width));
                continue;
            }

            var rule = rules[index];
            var attribute = index == _state.Panel.Cursor ? selected : rule.Pattern.Error is not null ? ErrorAttribute : normal;
            SetAttribute(rule.Enabled ? attribute : attribute with { Style = attribute.Style | TextStyle.Faint });
            AddStr(TextFormatter.ClipOrPad(RowText(_state, index, plan, width), width));
        }

        Move(0, height - 1);
        SetAttribute(normal with { Style = normal.Style | TextStyle.Bold });
        var footer = _state.Panel.Editing switch
        {
            RuleEditMode.AddIn => "  in  > ",
            RuleEditMode.AddOut => "  out > ",
            RuleEditMode.Edit => "  edit> ",
            _ => _state.Panel.SearchResult ?? (_state.Rules.Summary() is { Length: > 0 } summary ? summary : "showing every held line"),
        };
        AddStr(TextFormatter.ClipOrPad(footer, _state.Panel.Editing == RuleEditMode.None ? width : Math.Min(width, 9)));
        context?.AddDrawnRectangle(ViewportToScreen());
        return true;
    }

    private void OnInputKeyDown(object? sender, Key key)
    {
        if (key == Key.Enter || key == Key.Esc)
        {
            key.Handled = true;
            Dispatched?.Invoke(new EndRuleEdit(key == Key.Enter));
        }
        else if (key == Key.C.WithCtrl)
        {
            key.Handled = true;
            Dispatched?.Invoke(new RequestQuit());
        }
    }
}
