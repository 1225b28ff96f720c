using System.CommandLine;
using LogViewer.Arguments;
using LogViewer.Cli;
using LogViewer.Core.Filtering;
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

        // Text and jsonl only write the kept lines once: they are read into a filtered replay (flat columns, sorted
        // and grouped at the end, no store). The TUI, and a filter the replay cannot judge, read into a store, which
        // keeps timestamp order (that is the merge by time). The TUI keeps at most --max-lines (evicting the oldest,
        // as it does live); text and jsonl keep everything and stop writing after --max-lines.
        var replay = settings.Output == OutputKind.Tui ? null : FilteredReplay.For(filter);
        LogStore? store = replay is null
            ? new LogStore(settings.Output == OutputKind.Tui ? settings.Display.MaxLines ?? LogStore.DefaultCapacity : int.MaxValue)
            : null;
        var (failure, loadedLines, skippedNotes) = await LoadAsync(
            services,
            inputs,
            (stream, onMalformed, token) => replay?.ReadAsync(stream, onMalformed, token) ?? JsonlLogReader.LoadAsync(stream, store!, onMalformed, token),
            cancellationToken).ConfigureAwait(false);
        if (failure is { } code)
        {
            return code;
        }

        if (inputs.Any(i => i.IsStandardInput) && settings.Output == OutputKind.Tui && !services.ReattachTerminalInput())
        {
            await services.Console.Error.WriteLineAsync("logviewer: replay -: no terminal to read keys from for the TUI; use --output text or jsonl.").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        var path = string.Join(", ", inputs.Select(i => i.Name));
        long shown;
        if (replay is not null)
        {
            shown = replay.Count;
        }
        else
        {
            using var view = new FilteredView(store!, filter);
            shown = view.Current.Count;
        }

        // The status line in the TUI, one line on stderr otherwise; skipped lines once per input, never one per line.
        var summary = $"replayed {shown} of {loadedLines} lines from {path}"
            + string.Concat(skippedNotes.Select(n => "; " + n));
        if (replay is not null)
        {
            return await services.Outputs.CreateStream(settings.Output).WriteAsync(replay.Count, replay.Utf8RowAt, summary, settings.Display, cancellationToken).ConfigureAwait(false);
        }

        var log = new LoadedLog($"replay of {path}", store!, filter, new TailStatus(TailState.Ended, services.Time.GetUtcNow(), summary))
        {
            Query = settings.Filters,
            SessionKey = SessionStore.KeyOfFile(path),
        };
        return await services.Outputs.Create(settings.Output).ShowAsync(log, settings.Display, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Reads every input in turn; a repaired-text note per input as it is read, and the skipped-lines note of each.
    /// Fails (with its exit code) on an input that cannot be read or is not LogV1 jsonl at all.
    /// </summary>
    private static async Task<(int? Failure, long Loaded, List<string> SkippedNotes)> LoadAsync(
        CliServices services,
        ReplayInput[] inputs,
        Func<Stream, Action<MalformedLine>, CancellationToken, Task<JsonlLoadResult>> read,
        CancellationToken cancellationToken)
    {
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
                    loaded = await read(stream, skipped.Add, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
            {
                await services.Console.Error.WriteLineAsync($"logviewer: {input.Name}: cannot be read ({ex.Message}).").ConfigureAwait(false);
                return (ExitCodes.Failure, loadedLines, skippedNotes);
            }

            if (loaded.Loaded == 0 && skipped.Count > 0)
            {
                await services.Console.Error.WriteLineAsync("logviewer: " + skipped.NotJsonl(input.Name)).ConfigureAwait(false);
                return (ExitCodes.Usage, loadedLines, skippedNotes);
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

        return (null, loadedLines, skippedNotes);
    }
}
