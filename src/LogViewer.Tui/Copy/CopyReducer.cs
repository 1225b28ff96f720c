using System.Text;
using LogViewer.Core.Output;
using LogViewer.Tui.Entries;
using LogViewer.Tui.Marks;
using LogViewer.Tui.State;

namespace LogViewer.Tui.Copy;

/// <summary>The copy cases of the reducer: what to copy, in which form, refused when too large for OSC 52.</summary>
internal static class CopyReducer
{
    public static ViewerUpdate? Update(ViewerState state, ViewerAction action) => action switch
    {
        SetCopyFormat set => (ViewerUpdate)(state with { CopyFormat = set.Format, Notice = $"c copies {(set.Format == CopyFormat.Jsonl ? "LogV1 JSON lines" : "text lines")}" }),
        CopySelection => Copy(state),
        _ => default(ViewerUpdate?),
    };

    private static ViewerUpdate Copy(ViewerState state)
    {
        var rows = state.Rows;
        var chosen = MarkReducer.MarkedRows(state);
        var selected = state.Following ? rows.Count - 1 : state.SelectedRow;
        var what = chosen.Count > 0 ? chosen : rows.At(selected) is not null ? [selected] : [];
        if (what.Count == 0)
        {
            return state with { Notice = "nothing to copy: no entry is selected" };
        }

        var text = new StringBuilder();
        var formatter = new TextLineFormatter(state.TimeFormat == TimeFormat.UtcIso, state.LocalZone, colour: false);
        using var json = new JsonLinesFormatter();
        foreach (var row in what)
        {
            foreach (var line in EntryGroups.LinesOf(rows, row))
            {
                var entry = line.ToLogEntry();
                text.Append(state.CopyFormat == CopyFormat.Jsonl ? json.Format(entry) : formatter.Format(entry)).Append('\n');
                if (text.Length > Osc52.MaxTextBytes * 4)
                {
                    break; // far over the limit already: no need to build the rest to refuse it
                }
            }
        }

        var payload = text.ToString();
        var size = Osc52.SizeOf(payload);
        var entries = what.Count == 1 ? "1 entry" : $"{what.Count} entries";
        if (size > Osc52.MaxTextBytes)
        {
            return state with
            {
                Notice = $"not copied: {entries}, {Osc52.DescribeSize(size)}, is more than the {Osc52.DescribeSize(Osc52.MaxTextBytes)} a terminal clipboard takes (OSC 52); :write FILE saves them",
                NoticeIsError = true,
            };
        }

        var notice = $"copied {entries}, {Osc52.DescribeSize(size)}" + (state.CopyFormat == CopyFormat.Jsonl ? " (jsonl)" : string.Empty);
        return new ViewerUpdate(state with { Notice = notice }, [new CopyToClipboard(payload)]);
    }
}
