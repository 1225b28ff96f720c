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
using LogViewer.Replay;

namespace LogViewer.Commands;

/// <summary>
/// <c>logviewer replay FILE... [filters] [--output text|jsonl|tui]</c>: shows files written by <c>--output jsonl</c>
/// (<c>-</c> is standard input, gzip is read compressed), merged by time and filtered locally with the same options
/// the API takes. Malformed lines are skipped and reported once per input with the first one; an input in which no
/// line decodes is not LogV1 jsonl and exits 2 with one line saying so.
/// </summary>
internal static class ReplayCommand
{
    private const int BatchSize = 4096;

    public static Command Create(CliServices services)
    {
        var file = new Argument<string[]>("FILE")
        {
            Arity = ArgumentArity.OneOrMore,
            Description = "Files written by --output jsonl (one LogV1 object per line; .gz read compressed), merged by time; - reads standard input.",
        };
        var options = new TailCommandOptions();
        var command = new Command(
            "replay",
            "Show saved jsonl log files (or - for standard input) merged by time, filtered locally (--include/--exclude/--grep/--replica/--request-id/--level work as for deployments). "
            + ExitCodes.Help)
        {
            file,
        };
        options.AddFilters(command);
        options.AddOutput(command);
        command.SetAction((parse, cancellationToken) => RunAsync(services, options, parse, [.. parse.GetRequiredValue(file).Select(a => new ReplayInput(a))], cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliServices services, TailCommandOptions options, ParseResult parse, ReplayInput[] inputs, CancellationToken cancellationToken)
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

        errors.AddRange(inputs.Select(i => i.Problem()).OfType<string>());
        if (inputs.Count(i => i.IsStandardInput) > 1)
        {
            errors.Add("-: standard input can be read only once.");
        }

        if (local is not { } settings || filter is null || errors.Count > 0)
        {
            return TailCommandAction.Usage(services, errors, parse);
        }

        // Every input goes into one store, which keeps timestamp order: that is the merge by time.
        var store = new LogStore(int.MaxValue);
        long loadedLines = 0;
        var skippedNotes = new List<string>();
        foreach (var input in inputs)
        {
            var skipped = new SkippedLines();
            JsonlLoadResult loaded;
            try
            {
                var stream = input.Open(services.StandardInput);
                await using (stream.ConfigureAwait(false))
                {
                    loaded = await JsonlLogReader.LoadAsync(stream, store, skipped.Add, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
            {
                await services.Console.Error.WriteLineAsync($"logviewer: {input.Name}: cannot be read ({ex.Message}).").ConfigureAwait(false);
                return ExitCodes.Failure;
            }

            if (loaded.Loaded == 0 && skipped.Count > 0)
            {
                await services.Console.Error.WriteLineAsync("logviewer: " + skipped.NotJsonl(input.Name)).ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            foreach (var (_, problem) in loaded.Problems.Describe().Where(p => p.Kind.StartsWith("repaired", StringComparison.Ordinal)))
            {
                await services.Console.Error.WriteLineAsync($"{input.Name}: {problem}.").ConfigureAwait(false);
            }

            loadedLines += loaded.Loaded;
            if (skipped.Describe(inputs.Length > 1 ? input.Name : null) is { } note)
            {
                skippedNotes.Add(note);
            }
        }

        if (inputs.Any(i => i.IsStandardInput) && settings.Output == OutputKind.Tui && !services.ReattachTerminalInput())
        {
            await services.Console.Error.WriteLineAsync("logviewer: replay -: no terminal to read keys from for the TUI; use --output text or jsonl.").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        // The TUI shows the filters as rules and applies them itself; the other outputs get only what they keep.
        var tui = settings.Output == OutputKind.Tui;
        var path = string.Join(", ", inputs.Select(i => i.Name));
        using var view = new FilteredView(store, tui ? null : filter);
        var snapshot = view.Current;

        // The status line in the TUI, one line on stderr otherwise; skipped lines once per input, never one per line.
        var summary = $"replayed {snapshot.Count} of {loadedLines} lines from {path}"
            + string.Concat(skippedNotes.Select(n => "; " + n));
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
