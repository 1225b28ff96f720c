using System.Globalization;
using LogViewer.Core.Api;
using LogViewer.Core.Model;
using LogViewer.Core.Rules;

namespace LogViewer.Tui.Rules;

/// <summary>The one line a finished or failed server search leaves in the status and under the rules.</summary>
internal static class ServerSearchMessages
{
    public static string Found(ServerSearchResult result, int added)
    {
        var lines = result.Entries.Count.ToString("N0", CultureInfo.InvariantCulture);
        var span = DurationSyntax.Format(TimeSpan.FromMilliseconds(result.ToEpochMillis - result.FromEpochMillis));
        var text = result.HitLimit
            ? $"server search: stopped at {lines} lines (the limit), {added.ToString("N0", CultureInfo.InvariantCulture)} of them new here; narrow the rules to reach further back"
            : $"server search: {lines} lines over {span}, {added.ToString("N0", CultureInfo.InvariantCulture)} new here, joined in place";
        if (added > 0 && result.Entries.Count > 0)
        {
            text += $" (oldest {Nanos.ToDateTimeOffset(result.Entries[0].TimestampNanos).UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture)})";
        }

        return result.Warning is { } warning ? text + "; " + warning : text;
    }

    public static string Failed(Exception error) => error switch
    {
        LogApiException api => "server search failed: " + api.Message,
        OperationCanceledException => "server search cancelled",
        _ => "server search failed: " + error.Message,
    };
}
