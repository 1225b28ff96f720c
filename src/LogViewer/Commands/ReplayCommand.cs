using System.CommandLine;
using LogViewer.Arguments;
using LogViewer.Core.Filtering;
using LogViewer.Core.Replay;
using LogViewer.Core.Store;
using LogViewer.Core.Tail;
using LogViewer.Output;

namespace LogViewer.Commands;

/// <summary>
/// <c>logviewer replay FILE [filters] [--output text|jsonl|tui]</c>: shows a file written by <c>--output jsonl</c>,
/// filtered locally with the same options the API takes, in timestamp order. The file is read once into a store and
/// every output mode shows it from there. A malformed line is reported as <c>FILE:LINE: reason</c> on stderr and skipped.
/// </summary>
internal static class ReplayCommand
{
    public static Command Create(CliServices services)
    {
        var file = new Argument<string>("FILE") { Description = "A file written by --output jsonl (one LogV1 object per line)." };
        var options = new TailCommandOptions();
        var command = new Command(
            "replay",
            "Show a saved jsonl log file, filtered locally (--include/--exclude/--grep/--replica/--request-id/--level work as for deployments). "
            + ExitCodes.Help)
        {
            file,
        };
        options.AddFilters(command);
        options.AddOutput(command);
        command.SetAction((parse, cancellationToken) => RunAsync(services, options, parse, parse.GetRequiredValue(file), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliServices services, TailCommandOptions options, ParseResult parse, string path, CancellationToken cancellationToken)
    {
        var errors = new List<string>();
        var local = new TailArgumentsReader(options, services.Time, services.Zone, services.Console.OutputIsTerminal).ReadLocal(parse, errors);
        LogFilter? filter = null;
        if (local is { } read)
        {
            var built = FilterBuilder.FromQuery(read.Filters);
            filter = built.Filter;
            if (built.Error is { } error)
            {
                errors.Add($"--grep {read.Filters.SearchPattern}: {error}");
            }
        }

        if (!File.Exists(path))
        {
            errors.Add(Directory.Exists(path) ? $"{path}: is a directory; expected a jsonl file." : $"{path}: no such file.");
        }

        if (local is not { } settings || filter is null || errors.Count > 0)
        {
            return TailCommandAction.Usage(services, errors, parse);
        }

        // The file is read once into this store and shown from it. The TUI keeps at most --max-lines (evicting the
        // oldest, as it does live); text and jsonl keep the whole file and stop writing after --max-lines.
        var store = new LogStore(settings.Output == OutputKind.Tui ? settings.Display.MaxLines ?? LogStore.DefaultCapacity : int.MaxValue);
        JsonlLoadResult loaded;
        try
        {
            loaded = await JsonlLogReader.LoadFileAsync(
                path,
                store,
                malformed => services.Console.Error.WriteLine($"{path}:{malformed.LineNumber}: {malformed.Reason}"),
                cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            await services.Console.Error.WriteLineAsync($"logviewer: {path}: cannot be read ({ex.Message}).").ConfigureAwait(false);
            return ExitCodes.Failure;
        }

        foreach (var (_, problem) in loaded.Problems.Describe().Where(p => p.Kind.StartsWith("repaired", StringComparison.Ordinal)))
        {
            // Skipped lines were each reported with their line number above; repaired ones once per kind.
            await services.Console.Error.WriteLineAsync($"{path}: {problem}.").ConfigureAwait(false);
        }

        long shown;
        using (var view = new FilteredView(store, filter))
        {
            shown = view.Current.Count;
        }

        var summary = $"replayed {shown} of {loaded.Loaded} lines from {path}"
            + (loaded.Malformed > 0 ? $" ({loaded.Malformed} malformed lines skipped)" : string.Empty);
        var log = new LoadedLog($"replay of {path}", store, filter, new TailStatus(TailState.Ended, services.Time.GetUtcNow(), summary));
        return await services.Outputs.Create(settings.Output).ShowAsync(log, settings.Display, cancellationToken).ConfigureAwait(false);
    }
}
