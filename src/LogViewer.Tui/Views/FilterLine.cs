using LogViewer.Tui.Lifecycle;
using LogViewer.Tui.State;
using Terminal.Gui.Drawing;
using Terminal.Gui.Input;
using Terminal.Gui.Text;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;
using Attribute = Terminal.Gui.Drawing.Attribute;

namespace LogViewer.Tui.Views;

/// <summary>
/// The row above the status bar: the quick filter input while it is edited (with an invalid pattern's reason
/// beside it), otherwise what is filtered, a notice, the tail's last warning, or a reminder of the main keys.
/// </summary>
internal sealed class FilterLine : View
{
    private const string Hints = "? help  / filter  : cmd  Tab rules  e/E errors  r trace  m mark  c copy  q quit";
    private static readonly Attribute ErrorAttribute = new(ColorName16.BrightRed, ColorName16.Black);

    private readonly TextField _input;
    private ViewerState _state = new();
    private string _drawn = string.Empty;
    private int _errorWidth;

    public FilterLine()
    {
        CanFocus = true; // the input inside can only take focus through a focusable parent
        _input = new TextField { X = 2, Y = 0, Width = Dim.Fill(), Height = 1, Visible = false };
        _input.ValueChanged += (_, e) => FilterTyped?.Invoke(e.NewValue ?? string.Empty);
        _input.KeyDown += OnInputKeyDown;
        Add(_input);
    }

    /// <summary>The user typed into the filter input.</summary>
    public event Action<string>? FilterTyped;

    /// <summary>Enter (true: keep) or Esc (false: clear) in the filter input.</summary>
    public event Action<bool>? Finished;

    /// <summary>Ctrl+C in the filter input: it quits, as everywhere else, rather than copying.</summary>
    public event Action? QuitPressed;

    public bool IsEditing => _input.Visible;

    public void Render(ViewerState state)
    {
        var before = _state;
        _state = state;
        if (state.EditingFilter != before.EditingFilter)
        {
            _input.Visible = state.EditingFilter;
            if (state.EditingFilter)
            {
                _input.SetFocus();
            }
        }

        if (!string.Equals(_input.Value, state.FilterText, StringComparison.Ordinal))
        {
            _input.Value = state.FilterText;
        }

        // Only touch the layout when it changes: a new Dim lays out (and redraws) the whole screen.
        var errorWidth = Math.Min(EditNote(state).Length + 2, Math.Max(0, Viewport.Width / 2));
        if (errorWidth != _errorWidth)
        {
            _errorWidth = errorWidth;
            _input.Width = Dim.Fill(errorWidth);
        }
        if (!string.Equals(Summary(state), _drawn, StringComparison.Ordinal) || before.EditingFilter != state.EditingFilter
            || !string.Equals(before.FilterError, state.FilterError, StringComparison.Ordinal)
            || before.FilterMode != state.FilterMode || before.NoticeIsError != state.NoticeIsError)
        {
            SetNeedsDraw();
        }
    }

    protected override bool OnDrawingContent(DrawContext? context)
    {
        var normal = GetAttributeForRole(VisualRole.Normal);
        var width = Viewport.Width;
        Move(0, 0);
        if (_state.EditingFilter)
        {
            SetAttribute(normal with { Style = normal.Style | TextStyle.Bold });
            AddStr("/ ");
            var note = EditNote(_state);
            var noteWidth = Math.Min(note.Length + 2, Math.Max(0, width / 2));
            Move(Math.Max(0, width - noteWidth), 0);
            SetAttribute(_state.FilterError is not null || (_state.Notice is not null && _state.NoticeIsError) ? ErrorAttribute : normal with { Style = normal.Style | TextStyle.Faint });
            AddStr(TextFormatter.ClipOrPad("  " + note, noteWidth));

            _drawn = string.Empty;
            return false; // the input draws itself
        }

        _drawn = Summary(_state);
        var filtered = _drawn.StartsWith("filter", StringComparison.Ordinal);
        SetAttribute(_state.FilterError is not null || (_state.Notice is not null && _state.NoticeIsError) ? ErrorAttribute : filtered ? normal with { Style = normal.Style | TextStyle.Bold } : normal with { Style = normal.Style | TextStyle.Faint });
        AddStr(TextFormatter.ClipOrPad(_drawn, width));
        context?.AddDrawnRectangle(ViewportToScreen());
        return true;
    }

    /// <summary>Right of the input while it is edited: why the pattern is invalid, else which mode H toggles.</summary>
    internal static string EditNote(ViewerState state) =>
        state.FilterError ?? (state.FilterMode == FilterMode.Narrow ? "narrowing (H: highlight only)" : "highlighting only (H: narrow)");

    /// <summary>What the line says when the input is closed.</summary>
    internal static string Summary(ViewerState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.Notice is { } notice)
        {
            return notice;
        }

        List<string> parts = [];
        if (state.FilterText.Length > 0)
        {
            var kind = state.QuickFilterKept || state.FilterMode == FilterMode.HighlightOnly ? "highlight" : "filter";
            parts.Add($"{kind}: {state.FilterText}" + (state.FilterError is { } error ? $" - {error}" : string.Empty));
        }

        // The pane never hides lines without this line saying so.
        if (state.Rules.Summary() is { Length: > 0 } rules)
        {
            parts.Add(rules + " (Tab: rules)");
        }

        if (parts.Count > 0)
        {
            return (state.FilterText.Length > 0 ? string.Empty : "filter: ") + string.Join("  |  ", parts);
        }

        // The target's own state explains more than a warning does: a job that ended, a deployment that is not serving.
        return LifecycleText.Sentence(state.Lifecycle) ?? (state.LastWarning is { } warning ? "warning: " + warning : Hints);
    }

    private void OnInputKeyDown(object? sender, Key key)
    {
        if (key == Key.C.WithCtrl)
        {
            key.Handled = true;
            QuitPressed?.Invoke();
        }
        else if (key == Key.Enter || key == Key.Esc)
        {
            key.Handled = true;
            Finished?.Invoke(key == Key.Enter);
        }
    }
}
