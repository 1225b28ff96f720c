using LogViewer.Arguments;
using LogViewer.Core.Api;
using LogViewer.Core.Model;
using LogViewer.Core.Tail;

namespace LogViewer.Output;

/// <summary>
/// Where a tail's events (or a log read whole) go: the text and JSON-lines writers, or the TUI. This is the seam the TUI plugs into:
/// implement it over <c>LogViewer.Tui</c> and hand it to <see cref="OutputModeFactory"/>.
/// </summary>
internal interface IOutputMode
{
    /// <summary>
    /// Subscribes to <paramref name="events"/> (cold: subscribing starts the polling), shows them until the stream
    /// ends, fails, or <paramref name="cancellationToken"/> fires (Ctrl-C, SIGTERM), and returns the exit code.
    /// Lines already received are shown before returning, also on cancellation.
    /// </summary>
    Task<int> RunAsync(IObservable<TailEvent> events, ViewerContext context, CancellationToken cancellationToken);

    /// <summary>
    /// Shows a log already read whole, from its store (nothing copied out of it), until done, quit or cancelled;
    /// returns the exit code.
    /// </summary>
    Task<int> ShowAsync(LoadedLog log, DisplaySettings display, CancellationToken cancellationToken);
}

/// <summary>What an output mode shows besides the events: the target, where it is read from, display settings.</summary>
/// <param name="Target">The deployment or training job.</param>
/// <param name="Source">Where the lines come from, for a title or status bar (an API host, the demo, a file).</param>
/// <param name="Display">UTC or local times, the line limit.</param>
internal sealed record ViewerContext(LogTarget Target, string Source, DisplaySettings Display)
{
    /// <summary>The command line's filters: the TUI shows them as rules (and applies them itself).</summary>
    public LogQuery Filters { get; init; } = new();

    /// <summary>The API, for the TUI's server search; <c>null</c> for a replayed file.</summary>
    public ILogApi? Api { get; init; }

    /// <summary>The tail's lookback (the server search leaves the newest lookback to the tail).</summary>
    public TimeSpan Lookback { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The key the TUI remembers its session under (the target, or a replayed file's path).</summary>
    public string? SessionKey { get; init; }

    /// <summary>Resumes a tail that stopped because its training job ended (the TUI's resume key); null when it cannot.</summary>
    public TailControl? Control { get; init; }

    /// <summary>The target with its names ("llama-finetunes / oom-repro (x8b2n5r)") when they are known.</summary>
    public string? Title { get; init; }
}
