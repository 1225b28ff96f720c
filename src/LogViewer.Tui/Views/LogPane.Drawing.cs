using System.Text;
using LogViewer.Core.Store;
using LogViewer.Core.Text;
using LogViewer.Tui.Drawing;
using LogViewer.Tui.Entries;
using LogViewer.Tui.History;
using LogViewer.Tui.Lifecycle;
using LogViewer.Tui.State;
using Terminal.Gui.Drawing;
using Terminal.Gui.Text;
using Attribute = Terminal.Gui.Drawing.Attribute;
using Color = Terminal.Gui.Drawing.Color;

namespace LogViewer.Tui.Views;

/// <summary>The log pane's drawing: one entry's columns, the message with highlights, wrapping.</summary>
internal sealed partial class LogPane
{
    private int DrawEntry(LogRow entry, int index, int row, int height, ColumnLayout layout, Attribute normal, int skipLines, int hiddenLines)
    {
        var selected = IsSelected(index);
        var text = normal with { Style = selected ? normal.Style | TextStyle.Reverse : normal.Style };

        // A collapsed entry's last drawn line says how many lines it hides, before its message.
        var marker = hiddenLines > 0 ? $"+{hiddenLines} " : string.Empty;
        var message = marker + (_state.MessageColours ? TerminalText.Sanitize(entry.Message, _styles) : TerminalText.Sanitize(entry.Message));
        if (!_state.MessageColours)
        {
            _styles.Clear();
        }

        _matches.Clear();
        if (!_state.Matcher.MatchesEverything)
        {
            _state.Matcher.FindMatches(message, _matches);
            _matches.RemoveAll(m => m.Start < marker.Length);
        }

        var lines = _state.Wrap ? layout.LinesFor(message) : 1;
        for (var line = skipLines; line < lines && row < height; line++, row++)
        {
            Move(0, row);
            if (line == 0)
            {
                DrawPrefix(entry, index, layout, text);
            }
            else
            {
                SetAttribute(text);
                AddStr(new string(' ', layout.MessageColumn));
            }

            var skip = _state.Wrap ? line * layout.MessageWidth : _state.HorizontalOffset;
            DrawMessage(message, skip, layout.MessageWidth, text, marker.Length);
        }

        return row;
    }

    private void DrawPrefix(LogRow entry, int index, ColumnLayout layout, Attribute text)
    {
        // A grouped entry: its first line carries the entry's level (a traceback is an error); the lines after it
        // are marked as continuing it.
        var group = EntryGroups.EntryAt(_state.Rows, index);
        var continuation = group.Count > 1 && group[0] != index;
        var level = group.Count > 1 && !continuation ? EntryGroups.LevelOf(_state.Rows, group) : entry.Level;
        var marked = !_state.Marks.IsEmpty && _state.Marks.Contains(RowKey.Of(entry));
        var alerted = !_state.Alerts.Marked.IsEmpty && _state.Alerts.Marked.Contains(AlertedLine.Of(entry));
        SetAttribute(marked ? MarkAttribute : alerted ? AlertAttribute : continuation ? text with { Style = text.Style | TextStyle.Faint } : text);
        AddStr(TimeColumn.Format(entry.TimestampNanos, _state.TimeFormat, _state.Now, _localZone).PadRight(layout.TimeWidth)[..layout.TimeWidth]);

        // A mark shows as '*' between time and level, a line an alert matched as '!', a continued entry as '|', so
        // they show without colour too (the user's mark wins the column; the alert's colour stays on the '!').
        SetAttribute(alerted && !marked ? AlertAttribute : text);
        AddStr(marked ? "*" : alerted ? "!" : continuation ? "\u2502" : " ");
        SetAttribute(LevelBadge.AttributeOf(level) ?? text);
        AddStr(LevelBadge.TextOf(level));
        SetAttribute(text);
        AddStr(" ");
        if (layout.ReplicaWidth > 0)
        {
            var replica = entry.Replica is null ? string.Empty : TerminalText.Sanitize(entry.Replica);
            SetAttribute(entry.Replica is null ? text : text with { Foreground = new Color(ReplicaPalette.ColorOf(entry.Replica)) });
            AddStr(TextFormatter.ClipOrPad(replica, layout.ReplicaWidth));
            SetAttribute(text);
            AddStr(" ");
        }

        if (layout.RequestWidth > 0)
        {
            // The id's first characters: enough to tell the requests on screen apart; r shows the whole request.
            var request = entry.RequestId is null ? "-" : TerminalText.Sanitize(entry.RequestId);
            SetAttribute(text with { Style = text.Style | TextStyle.Faint });
            AddStr(TextFormatter.ClipOrPad(request, layout.RequestWidth));
            SetAttribute(text);
            AddStr(" ");
        }
    }

    /// <summary>
    /// Draws <paramref name="message"/> from column <paramref name="skip"/>, exactly <paramref name="width"/> columns,
    /// one grapheme cluster per cell (two for a wide one), measured by <see cref="CellWidth"/> as Terminal.Gui and the
    /// terminal measure it; a cluster that takes no cell (a lone combining mark) is not drawn, so no cell is unaccounted.
    /// </summary>
    private void DrawMessage(string message, int skip, int width, Attribute text, int markerLength)
    {
        var markerText = text with { Style = text.Style | TextStyle.Bold };
        var column = 0;
        var drawn = 0;
        var matchIndex = 0;
        var styleIndex = 0;
        var styled = text;
        var current = text;
        SetAttribute(current);
        for (var index = 0; index < message.Length;)
        {
            var clusterIndex = index;

            // The message's own colours (SGR), positioned in the sanitized message after the marker.
            while (styleIndex < _styles.Count && _styles[styleIndex].Position + markerLength <= clusterIndex)
            {
                styled = SgrAttribute.Over(text, _styles[styleIndex].Style);
                styleIndex++;
            }

            var length = CellWidth.ClusterLength(message, index);
            index += length;
            var columns = CellWidth.OfCluster(message.AsSpan(clusterIndex, length));
            if (columns == 0)
            {
                continue;
            }

            if (column < skip)
            {
                column += columns;
                if (column > skip && drawn < width)
                {
                    // A wide character cut by the left edge: keep the cells aligned.
                    AddStr(new string(' ', Math.Min(column - skip, width)));
                    drawn += Math.Min(column - skip, width);
                }

                continue;
            }

            if (drawn + columns > width)
            {
                break;
            }

            while (matchIndex < _matches.Count && _matches[matchIndex].Start + _matches[matchIndex].Length <= clusterIndex)
            {
                matchIndex++;
            }

            var inMatch = matchIndex < _matches.Count && _matches[matchIndex].Start < index;
            var wanted = clusterIndex < markerLength ? markerText : inMatch ? MatchAttribute : styled;
            if (wanted != current)
            {
                current = wanted;
                SetAttribute(current);
            }

            if (length == 1)
            {
                AddRune(char.IsSurrogate(message[clusterIndex]) ? Rune.ReplacementChar : new Rune(message[clusterIndex]));
            }
            else
            {
                AddStr(message.Substring(clusterIndex, length));
            }

            column += columns;
            drawn += columns;
        }

        if (drawn < width)
        {
            SetAttribute(text);
            AddStr(new string(' ', width - drawn));
        }
    }

    /// <summary>Screen lines a row takes: none when folded away, one unless wrapping.</summary>
    private int LinesOf(IRowSource rows, int index, ColumnLayout layout)
    {
        var fold = _folds.At(index);
        if (fold.Hidden)
        {
            return 0;
        }

        if (!_state.Wrap)
        {
            return 1;
        }

        var marker = fold.HiddenLines > 0 ? $"+{fold.HiddenLines} " : string.Empty;
        return layout.LinesFor(marker + TerminalText.Sanitize(rows.At(index)?.Message ?? string.Empty));
    }

    /// <summary>
    /// In wrap mode, or with folded entries: the first entry and how many of its lines to skip so the selection (or
    /// the end) shows. The gap row takes a line above <paramref name="gapRow"/> whenever a row before it is in view.
    /// </summary>
    private (int Top, int SkipLines) WrapStart(int top, int count, int height, ColumnLayout layout, int gapRow)
    {
        var rows = _state.Rows;
        var last = _state.Following ? count - 1 : Math.Clamp(_state.SelectedRow, 0, Math.Max(0, count - 1));
        if (count == 0)
        {
            return (0, 0);
        }

        // Does the window from `top` reach `last`? Then draw from top as usual.
        var used = 0;
        for (var i = top; i <= last && used <= height; i++)
        {
            used += LinesOf(rows, i, layout) + (i == gapRow && i > top ? 1 : 0);
        }

        if (!_state.Following && used <= height)
        {
            return (top, 0);
        }

        // Otherwise end the window at `last`: walk back until the screen is full.
        used = 0;
        for (var i = last; i >= 0; i--)
        {
            // Going above the gap's row brings the gap row (drawn after row i's lines) into view.
            var lines = LinesOf(rows, i, layout) + (i + 1 == gapRow ? 1 : 0);
            if (used + lines >= height)
            {
                return (i, Math.Max(0, used + lines - height));
            }

            used += lines;
        }

        return (0, 0);
    }

    /// <summary>
    /// The row between a server search's older matches and the loaded range: what lies between them was not read,
    /// so the pane does not pretend the two are adjacent.
    /// </summary>
    private void DrawGapRow(IRowSource rows, int index, int row, int width, Attribute normal)
    {
        var before = rows.At(index - 1)!.Value.TimestampNanos;
        var after = rows.At(index)!.Value.TimestampNanos;
        var text = _state.Older.Gap is { } history ? $"\u2504\u2504 {OlderLinesReducer.GapRowText(_state, history)} \u2504\u2504" : $"\u2504\u2504 not loaded between {TimeColumn.Format(before, _state.TimeFormat, _state.Now, _localZone).Trim()} and "
            + $"{TimeColumn.Format(after, _state.TimeFormat, _state.Now, _localZone).Trim()}: above are only the server search's matches \u2504\u2504";
        Move(0, row);
        SetAttribute(normal with { Style = normal.Style | TextStyle.Faint });
        AddStr(TextFormatter.ClipOrPad(text, width));
    }

    // Faint, between dashed rules, as the gap row: it is about the log, not a line of it.
    private void DrawTopRow(string text, int width, Attribute normal)
    {
        Move(0, 0);
        SetAttribute(normal with { Style = normal.Style | TextStyle.Faint });
        AddStr(TextFormatter.ClipOrPad($"\u2504\u2504 {text} \u2504\u2504", width));
    }

    private void DrawEmptyHint(int width, int height, Attribute normal)
    {
        var hint = _state.TotalIngested > 0 ? "no lines match the filter (Esc clears it, L cycles the level)"
            : LifecycleText.EmptyPane(_state.Lifecycle) ?? "waiting for log lines...";
        SetAttribute(normal with { Style = TextStyle.Faint });
        Move(0, Math.Max(0, height / 2));
        AddStr(TextFormatter.ClipOrPad(new string(' ', Math.Max(0, (width - hint.Length) / 2)) + hint, width));
    }

    /// <summary>Where each column starts for a pane width.</summary>
    private sealed record ColumnLayout(int TimeWidth, int ReplicaWidth, int RequestWidth, int MessageColumn, int MessageWidth)
    {
        /// <summary>Characters of a request id the <c>I</c> column shows.</summary>
        public const int RequestIdWidth = 8;

        /// <summary>The message keeps at least this many columns beside the request-id column, or the column stays off.</summary>
        public const int MessageWidthWithRequestIds = 40;

        public static ColumnLayout For(int width, ViewerState state)
        {
            var timeWidth = TimeColumn.WidthOf(state.TimeFormat);
            var longestReplica = state.Replicas.IsDefaultOrEmpty ? 0 : state.Replicas.Max(r => r.Length);
            var replicaWidth = Math.Min(longestReplica, width >= 50 ? 14 : 5);
            var messageColumn = timeWidth + 1 + LevelBadge.Width + 1 + (replicaWidth > 0 ? replicaWidth + 1 : 0);
            if (width - messageColumn < MinimumMessageWidth && replicaWidth > 0)
            {
                replicaWidth = 0;
                messageColumn = timeWidth + 1 + LevelBadge.Width + 1;
            }

            var requestWidth = state.ShowRequestIds && width - messageColumn - RequestIdWidth - 1 >= MessageWidthWithRequestIds ? RequestIdWidth : 0;
            messageColumn += requestWidth > 0 ? requestWidth + 1 : 0;
            return new ColumnLayout(timeWidth, replicaWidth, requestWidth, messageColumn, Math.Max(1, width - messageColumn));
        }

        public int LinesFor(string message) => Math.Max(1, (CellWidth.Of(message) + MessageWidth - 1) / MessageWidth);
    }
}
