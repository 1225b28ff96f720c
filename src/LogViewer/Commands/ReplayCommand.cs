using System.CommandLine;
using System.Reactive.Linq;
using LogViewer.Arguments;
using LogViewer.Core.Filtering;
using LogViewer.Core.Model;
using LogViewer.Core.Replay;
using LogViewer.Core.Sessions;
using LogViewer.Core.Store;
using LogViewer.Core.Tail;
using LogViewer.Output;

namespace LogViewer.Commands;

/// <summary>
/// <c>logviewer replay FILE [filters] [--output text|jsonl|tui]</c>: shows a file written by <c>--output jsonl</c>,
/// filtered locally with the same options the API takes, in timestamp order. A malformed line is reported as
/// <c>FILE:LINE: reason</c> on stderr and skipped.
/// </summary>
internal static class ReplayCommand
{
    private const int BatchSize = 4096;

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

        var store = new LogStore(int.MaxValue);
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

        // The TUI shows the filters as rules and applies them itself; the other outputs get only what they keep.
        var tui = settings.Output == OutputKind.Tui;
        using var view = new FilteredView(store, tui ? null : filter);
        var snapshot = view.Current;
        var summary = $"replayed {snapshot.Count} of {loaded.Loaded} lines from {path}"
            + (loaded.Malformed > 0 ? $" ({loaded.Malformed} malformed lines skipped)" : string.Empty);
        var target = new ReplayTarget(path);
        var events = Observable.Create<TailEvent>(observer =>
        {
            for (var start = 0; start < snapshot.Count; start += BatchSize)
            {
                var entries = new LogEntry[Math.Min(BatchSize, snapshot.Count - start)];
                for (var i = 0; i < entries.Length; i++)
                {
                    entries[i] = snapshot.GetRow(start + i).ToLogEntry();
                }

                observer.OnNext(new TailBatch(entries, 0));
            }

            observer.OnNext(new TailStatus(TailState.Ended, services.Time.GetUtcNow(), summary));
            observer.OnCompleted();
            return System.Reactive.Disposables.Disposable.Empty;
        });
        return await services.Outputs.Create(settings.Output)
            .RunAsync(events, new ViewerContext(target, path, settings.Display) { Filters = settings.Filters, SessionKey = SessionStore.KeyOfFile(path) }, cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>A file stands where a deployment or job would: the output modes only describe it.</summary>
    private sealed record ReplayTarget(string Path) : LogTarget
    {
        public override string Describe() => $"replay of {Path}";

        public override IReadOnlyList<(string Name, string Value)> Ids => [("file", Path)];
    }
}
