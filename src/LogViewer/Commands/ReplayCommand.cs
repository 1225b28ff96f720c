using System.CommandLine;
using System.Reactive.Linq;
using System.Reactive.Threading.Tasks;
using LogViewer.Arguments;
using LogViewer.Cli;
using LogViewer.Core.Filtering;
using LogViewer.Core.Replay;
using LogViewer.Core.Sessions;
using LogViewer.Core.Store;
using LogViewer.Core.Tail;
using LogViewer.Output;
using LogViewer.Replay;
using ReplaySettings = (LogViewer.Core.Api.LogQuery Filters, LogViewer.Arguments.OutputKind Output, LogViewer.Arguments.DisplaySettings Display);

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
        if (store is not null && settings.Output == OutputKind.Tui && !inputs.Any(i => i.IsStandardInput))
        {
            return await ShowWhileReadingAsync(services, settings, filter, inputs, store, cancellationToken).ConfigureAwait(false);
        }

        var (failure, loadedLines, skippedNotes) = await LoadAsync(
            services.Console.Error,
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
            shown = Shown(store!, filter);
        }

        var summary = Summary(shown, loadedLines, path, skippedNotes);
        if (replay is not null)
        {
            return await services.Outputs.CreateStream(settings.Output).WriteAsync(replay.Count, replay.Utf8RowAt, summary, settings.Display, cancellationToken).ConfigureAwait(false);
        }

        var log = Loaded(store!, filter, settings, path, new TailStatus(TailState.Ended, services.Time.GetUtcNow(), summary));
        return await services.Outputs.Create(settings.Output).ShowAsync(log, settings.Display, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The TUI on files: it opens as soon as the first batch of lines is in the store and the rest is read behind it,
    /// so a big file's first screen comes in a fraction of the whole read, keys work meanwhile, and the status bar says
    /// how far it has read. What would be written to stderr about the inputs is held until the TUI has left the screen;
    /// an input that cannot be read, or is not jsonl, before the first batch is reported as before, without the TUI.
    /// </summary>
    private static async Task<int> ShowWhileReadingAsync(
        CliServices services, ReplaySettings settings, LogFilter filter, ReplayInput[] inputs, LogStore store, CancellationToken cancellationToken)
    {
        var path = string.Join(", ", inputs.Select(i => i.Name));
        var held = new StringWriter();
        var heldWritten = 0;
        var progress = new ReadProgress(inputs);
        var firstBatch = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnFirstBatch(object? sender, EventArgs e) => firstBatch.TrySetResult();
        store.Changed += OnFirstBatch;
        using var stopReading = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var reading = Task.Run(
            () => LoadAsync(held, services, inputs, (stream, onMalformed, token) => JsonlLogReader.LoadAsync(progress.Follow(stream), store, onMalformed, token), stopReading.Token),
            CancellationToken.None);
        await Task.WhenAny(reading, firstBatch.Task).ConfigureAwait(false);
        store.Changed -= OnFirstBatch;

        // A batch that came with the files read to their end is the last one: the read is as good as done.
        if (reading.IsCompleted || progress.Fraction >= 1)
        {
            // Read whole before a batch was shown (a small file) or failed first: as without the TUI, once the read
            // has said all it has to say about the inputs.
            var (failed, loaded, notes) = await reading.ConfigureAwait(false);
            await services.Console.Error.WriteAsync(held.ToString()).ConfigureAwait(false);
            if (failed is { } code)
            {
                return code;
            }

            var ended = new TailStatus(TailState.Ended, services.Time.GetUtcNow(), Summary(Shown(store, filter), loaded, path, notes));
            return await services.Outputs.Create(settings.Output).ShowAsync(Loaded(store, filter, settings, path, ended), settings.Display, cancellationToken).ConfigureAwait(false);
        }

        // Every quarter second the status says how far the read is; then how it ended.
        var statuses = Observable.Interval(ReadProgress.Interval)
            .Select(_ => Reading())
            .StartWith(Reading())
            .TakeUntil(reading.ToObservable())
            .Concat(reading.ToObservable().Select(result => result.Failure is null
                ? new TailStatus(TailState.Ended, services.Time.GetUtcNow(), Summary(Shown(store, filter), result.Loaded, path, result.SkippedNotes))
                : new TailStatus(TailState.Fatal, services.Time.GetUtcNow(), FirstProblem(held.ToString()) + " (the lines before it are shown)")));
        var log = Loaded(store, filter, settings, path, new TailStatus(TailState.Ended, services.Time.GetUtcNow(), $"replay of {path}")) with
        {
            Reading = statuses.Select(status => (TailEvent)status),
            HeldMessages = () => Interlocked.Exchange(ref heldWritten, 1) == 0 ? held.ToString() : string.Empty,
        };
        var exit = await services.Outputs.Create(settings.Output).ShowAsync(log, settings.Display, cancellationToken).ConfigureAwait(false);

        // Quit before the read was done: stop it.
        await stopReading.CancelAsync().ConfigureAwait(false);
        int? failure = null;
        try
        {
            failure = (await reading.ConfigureAwait(false)).Failure;
        }
        catch (OperationCanceledException)
        {
            // Stopped by the quit above: nothing more to say.
        }

        // Whatever came after the output mode wrote the held messages (a read stopped by the quit says nothing more).
        if (Interlocked.Exchange(ref heldWritten, 1) == 0)
        {
            await services.Console.Error.WriteAsync(held.ToString()).ConfigureAwait(false);
        }

        return failure ?? exit;

        TailStatus Reading() => new(TailState.CatchingUp, services.Time.GetUtcNow(), $"reading {path}")
        {
            Activity = progress.Describe(path),
        };
    }

    private static string FirstProblem(string held) =>
        held.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault()?.Replace("logviewer: ", string.Empty, StringComparison.Ordinal)
        ?? "reading stopped";

    private static long Shown(LogStore store, LogFilter filter)
    {
        using var view = new FilteredView(store, filter);
        return view.Current.Count;
    }

    // The status line in the TUI, one line on stderr otherwise; skipped lines once per input, never one per line.
    private static string Summary(long shown, long loadedLines, string path, List<string> skippedNotes) =>
        $"replayed {shown} of {loadedLines} lines from {path}" + string.Concat(skippedNotes.Select(n => "; " + n));

    private static LoadedLog Loaded(LogStore store, LogFilter filter, ReplaySettings settings, string path, TailStatus ended) =>
        new($"replay of {path}", store, filter, ended)
        {
            Query = settings.Filters,
            SessionKey = SessionStore.KeyOfFile(path),
        };

    /// <summary>
    /// Reads every input in turn; a repaired-text note per input as it is read, and the skipped-lines note of each.
    /// Fails (with its exit code) on an input that cannot be read or is not LogV1 jsonl at all.
    /// </summary>
    private static async Task<(int? Failure, long Loaded, List<string> SkippedNotes)> LoadAsync(
        TextWriter messages,
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
                await messages.WriteLineAsync($"logviewer: {input.Name}: cannot be read ({ex.Message}).").ConfigureAwait(false);
                return (ExitCodes.Failure, loadedLines, skippedNotes);
            }

            if (loaded.Loaded == 0 && skipped.Count > 0)
            {
                await messages.WriteLineAsync("logviewer: " + skipped.NotJsonl(input.Name)).ConfigureAwait(false);
                return (ExitCodes.Usage, loadedLines, skippedNotes);
            }

            foreach (var (_, problem) in loaded.Problems.Describe().Where(p => p.Kind.StartsWith("repaired", StringComparison.Ordinal)))
            {
                await messages.WriteLineAsync($"{input.Name}: {problem}.").ConfigureAwait(false);
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
