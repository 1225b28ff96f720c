using System.Globalization;
using LogViewer.Tui.Keys;
using Terminal.Gui.Drawing;
using Terminal.Gui.Drivers;
using Terminal.Gui.Input;
using Terminal.Gui.Text;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;
using Attribute = Terminal.Gui.Drawing.Attribute;

namespace LogViewer.Tui.Picker;

/// <summary>
/// The picker's screen: a header, the query line, the rows that match (only the visible ones are drawn, so a long
/// listing stays responsive) and a key hint. It renders a <see cref="PickerState"/> and turns keys into messages.
/// </summary>
internal sealed class PickerView : Runnable
{
    private const int HeaderRows = 3;
    private const int FooterRows = 1;
    private PickerState _state = new();
    private int _pageHeight = -1;

    public PickerView(string source)
    {
        Title = "logviewer: pick a target";
        Source = source;
        CanFocus = true;
        FrameChanged += (_, _) => Resize();
    }

    /// <summary>Where the listing comes from (the API host), for the header.</summary>
    public string Source { get; }

    public event Action<PickerMessage>? Dispatched;

    public void Render(PickerState state)
    {
        _state = state;
        SetNeedsDraw();
    }

    protected override bool OnKeyDown(Key key)
    {
        var name = (key.KeyCode & ~KeyCode.ShiftMask) switch
        {
            KeyCode.Backspace => "Backspace",
            KeyCode.F5 => "F5",
            _ => KeyNames.NameOf(key),
        };
        var typed = key.IsCtrl || key.IsAlt ? null : key.GetPrintableText();
        if (PickerKeyTable.Resolve(name, typed, _state.Query) is { } message)
        {
            Dispatched?.Invoke(message);
            return true;
        }

        return base.OnKeyDown(key);
    }

    protected override bool OnDrawingContent(DrawContext? context)
    {
        var width = Viewport.Width;
        var normal = GetAttributeForRole(VisualRole.Normal);
        var dim = new Attribute(ColorName16.DarkGray, normal.Background);
        var selected = new Attribute(normal.Background, normal.Foreground);
        var state = _state;

        var count = state.Loading && state.Items.IsEmpty ? "loading the listing..."
            : string.Create(CultureInfo.InvariantCulture, $"{state.Matches.Length} of {state.Items.Length}{(state.Loading ? ", refreshing..." : string.Empty)}");
        Line(0, normal, $"Pick a target from {Source}: {count}");
        Line(1, normal, "> " + state.Query + "_");
        Line(2, dim, Row("KIND", "NAME", "ID", "STATUS", "DETAILS", width));

        var rows = Math.Max(0, Viewport.Height - HeaderRows - FooterRows);
        var messages = Messages(state);
        for (var row = 0; row < rows; row++)
        {
            var index = state.Top + row;
            if (messages.Count > 0)
            {
                Line(HeaderRows + row, normal, row < messages.Count ? messages[row] : string.Empty);
            }
            else if (index < state.Matches.Length)
            {
                var item = state.Items[state.Matches[index]];
                Line(HeaderRows + row, index == state.Selected ? selected : normal, Row(item.Kind, item.Name, item.Id, item.Status, item.Details, width));
            }
            else
            {
                Line(HeaderRows + row, normal, string.Empty);
            }
        }

        Line(Viewport.Height - 1, dim, "type to narrow  Enter open  Up/Down move  Ctrl+R refresh  Esc clear  q quit" + ProblemNote(state));
        context?.AddDrawnRectangle(ViewportToScreen());
        return true;
    }

    private static List<string> Messages(PickerState state)
    {
        if (state.Error is { } error)
        {
            return [.. Wrap("Could not read the listing: " + error), string.Empty, "Ctrl+R tries again; q quits."];
        }

        if (!state.Loading && state.Items.IsEmpty)
        {
            return ["This key has no deployments or training jobs to show. Ctrl+R reads the listing again."];
        }

        return !state.Loading && state.Matches.IsEmpty ? [$"Nothing matches \"{state.Query}\". Backspace or Esc widens the query."] : [];
    }

    private static IEnumerable<string> Wrap(string text)
    {
        // Long error lines (how to set a key) wrap at 100 columns rather than vanish off screen.
        for (var start = 0; start < text.Length; start += 100)
        {
            yield return text.Substring(start, Math.Min(100, text.Length - start));
        }
    }

    private static string ProblemNote(PickerState state) =>
        state.Problems.IsEmpty ? string.Empty : $"  ({state.Problems.Length} listings failed: {state.Problems[0]})";

    private static string Row(string kind, string name, string id, string status, string details, int width)
    {
        var nameWidth = Math.Clamp(width - 60, 20, 56);
        return $" {TextFormatter.ClipOrPad(kind, 10)} {TextFormatter.ClipOrPad(name, nameWidth)} {TextFormatter.ClipOrPad(id, 9)} {TextFormatter.ClipOrPad(status, 15)} {details}";
    }

    private void Line(int row, Attribute attribute, string text)
    {
        if (row < 0 || row >= Viewport.Height)
        {
            return;
        }

        SetAttribute(attribute);
        Move(0, row);
        AddStr(TextFormatter.ClipOrPad(Core.Text.TerminalText.Sanitize(text), Viewport.Width));
    }

    private void Resize()
    {
        var height = Math.Max(1, Viewport.Height - HeaderRows - FooterRows);
        if (height != _pageHeight)
        {
            _pageHeight = height;
            Dispatched?.Invoke(new PickerResized(height));
        }
    }
}
