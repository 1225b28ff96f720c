using LogViewer.Arguments;
using LogViewer.Core.Api;
using LogViewer.Core.Model;
using LogViewer.Core.Tail;

namespace LogViewer.Output;

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

    /// <summary>
    /// The viewer's tail again from a millisecond (epoch ms) on: G after reading far back shed the live end. Null for
    /// a replayed file.
    /// </summary>
    public Func<long, IObservable<TailEvent>>? TailFrom { get; init; }

    /// <summary>The target with its names ("llama-finetunes / oom-repro (x8b2n5r)") when they are known.</summary>
    public string? Title { get; init; }
}
