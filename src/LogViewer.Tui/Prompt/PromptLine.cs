using LogViewer.Tui.State;
using Terminal.Gui.Drawing;
using Terminal.Gui.Input;
using Terminal.Gui.Text;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;
using Attribute = Terminal.Gui.Drawing.Attribute;

namespace LogViewer.Tui.Prompt;

/// <summary>
/// The <c>:</c> prompt, on the row above the status bar while it is open: the input, and on its right either
/// why the last command was refused (red) or the candidates of an ambiguous Tab. It only reports keys; the
/// reducer decides what they do.
/// </summary>
internal sealed class PromptLine : View
{
    private static readonly Attribute ErrorAttribute = new(ColorName16.BrightRed, ColorName16.Black);

    private readonly TextField _input;
    private PromptState _state = PromptState.Closed;
    private int _noteWidth;

    public PromptLine()
    {
        CanFocus = true;
        Visible = false;
        _input = new TextField { X = 1, Y = 0, Width = Dim.Fill(), Height = 1 };
        _input.ValueChanged += (_, e) => Dispatched?.Invoke(new PromptTextChanged(e.NewValue ?? string.Empty));
        _input.KeyDown += OnInputKeyDown;
        Add(_input);
    }

    /// <summary>What the user did in the prompt.</summary>
    public event Action<ViewerAction>? Dispatched;

    public bool IsOpen => Visible;

    public void Render(ViewerState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var before = _state;
        _state = state.Prompt;
        if (_state.Open != Visible)
        {
            Visible = _state.Open;
            if (_state.Open)
            {
                _input.SetFocus();
            }
        }

        if (!string.Equals(_input.Value, _state.Text, StringComparison.Ordinal))
        {
            _input.Value = _state.Text;
            _input.MoveEnd();
        }

        var note = Note(_state);
        var noteWidth = note is null ? 0 : Math.Min(note.Length + 2, Math.Max(0, Viewport.Width / 2));
        if (noteWidth != _noteWidth)
        {
            // Only when it changes: a new Dim lays out the whole screen.
            _noteWidth = noteWidth;
            _input.Width = Dim.Fill(noteWidth);
        }

        if (!string.Equals(Note(before), note, StringComparison.Ordinal) || before.Open != _state.Open)
        {
            SetNeedsDraw();
        }
    }

    protected override bool OnDrawingContent(DrawContext? context)
    {
        var normal = GetAttributeForRole(VisualRole.Normal);
        var width = Viewport.Width;
        Move(0, 0);
        SetAttribute(normal with { Style = normal.Style | TextStyle.Bold });
        AddStr(":");
        if (Note(_state) is { } note)
        {
            var noteWidth = Math.Min(note.Length + 2, Math.Max(0, width / 2));
            Move(Math.Max(0, width - noteWidth), 0);
            SetAttribute(_state.Error is not null ? ErrorAttribute : normal with { Style = normal.Style | TextStyle.Faint });
            AddStr(TextFormatter.ClipOrPad("  " + note, noteWidth));
        }

        return false; // the input draws itself
    }

    private static string? Note(PromptState state) => state.Error ?? state.Hint;

    private void OnInputKeyDown(object? sender, Key key)
    {
        ViewerAction? action = null;
        if (key == Key.C.WithCtrl)
        {
            action = new RequestQuit();
        }
        else if (key == Key.Enter)
        {
            action = new SubmitPrompt(_input.Value ?? string.Empty);
        }
        else if (key == Key.Esc)
        {
            action = new CancelPrompt();
        }
        else if (key == Key.CursorUp)
        {
            action = new BrowsePromptHistory(-1);
        }
        else if (key == Key.CursorDown)
        {
            action = new BrowsePromptHistory(1);
        }
        else if (key == Key.Tab)
        {
            action = new CompletePrompt();
        }
        else if (key == Key.Backspace && string.IsNullOrEmpty(_input.Value))
        {
            // Backspace on an empty line leaves the prompt, as in vim.
            action = new CancelPrompt();
        }

        if (action is not null)
        {
            key.Handled = true;
            Dispatched?.Invoke(action);
        }
    }
}
