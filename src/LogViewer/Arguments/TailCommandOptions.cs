using System.CommandLine;

namespace LogViewer.Arguments;

/// <summary>
/// The options shared by <c>deployment</c>, <c>training</c>, <c>demo</c> and <c>replay</c>, defined once. Values are
/// taken as text and checked by <see cref="Arguments.TailArgumentsReader"/>, so every bad value gets our own one-line
/// message (<c>--since 5x: expected a duration like 90s, 15m, 2h or 3d</c>) instead of a parser's generic one.
/// Each command gets its own instance (a System.CommandLine option belongs to one command).
/// </summary>
internal sealed class TailCommandOptions
{
    public Option<string?> ApiUrl { get; } = new("--api-url") { HelpName = "URL", Description = "API root (default: BASETEN_API_URL, else the ~/.trussrc remote's API host, else https://api.baseten.co). Plain http only to loopback." };

    public Option<string?> ApiKeyFile { get; } = new("--api-key-file") { HelpName = "PATH", Description = "Read the API key from this file (default: BASETEN_API_KEY, else ~/.trussrc). No option takes the key itself." };

    public Option<string?> Remote { get; } = new("--remote") { HelpName = "NAME", Description = "The ~/.trussrc section to use (default: baseten)." };

    public Option<string?> Since { get; } = new("--since") { HelpName = "DURATION", Description = "Start this long ago: 90s, 15m, 2h, 3d (default: 30m). Not with --from." };

    public Option<string?> From { get; } = new("--from") { HelpName = "TIME", Description = "Start at this time: ISO-8601 (local time without an offset) or epoch milliseconds." };

    public Option<string?> To { get; } = new("--to") { HelpName = "TIME", Description = "End at this time (implies --no-follow)." };

    public Option<bool> NoFollow { get; } = new("--no-follow") { Description = "Read the range and exit instead of following new lines." };

    public Option<string?> Level { get; } = new("--level") { HelpName = "LEVEL", Description = "Minimum level: debug, info, warning or error (drops lines without a level)." };

    public Option<string?> Replica { get; } = new("--replica") { HelpName = "ID", Description = "Only this replica (deployments only)." };

    public Option<string?> RequestId { get; } = new("--request-id") { HelpName = "ID", Description = "Only this inference request (deployments only)." };

    public Option<string[]> Include { get; } = new("--include") { HelpName = "TEXT", Description = "Only lines containing TEXT, case-sensitive; repeatable, all must match (deployments only)." };

    public Option<string[]> Exclude { get; } = new("--exclude") { HelpName = "TEXT", Description = "Drop lines containing TEXT, case-sensitive; repeatable (deployments only)." };

    public Option<string?> Grep { get; } = new("--grep") { HelpName = "RE2", Description = "Only lines matching this RE2 regular expression (deployments only)." };

    public Option<string?> Output { get; } = new("--output", "-o") { HelpName = "tui|text|jsonl", Description = "tui, text or jsonl (default: tui on a terminal, else text)." };

    public Option<string?> PollInterval { get; } = new("--poll-interval") { HelpName = "DURATION", Description = "Time between polls while live (default: 2s)." };

    public Option<string?> Lookback { get; } = new("--lookback") { HelpName = "DURATION", Description = "How far back each poll re-reads for late lines (default: 60s)." };

    public Option<string?> MaxLines { get; } = new("--max-lines") { HelpName = "N", Description = "text/jsonl: exit after writing N lines. tui: keep at most N lines." };

    public Option<bool> Utc { get; } = new("--utc") { Description = "Show times in UTC (default: local time with its offset)." };

    public Option<bool> Fresh { get; } = new("--fresh") { Description = "TUI: start clean, without this target's saved rules and view settings (they are saved again on exit)." };
    public Option<bool> NoMouse { get; } = new("--no-mouse") { Description = "TUI: leave the mouse to the terminal (its own text selection) instead of wheel scrolling and clicks; M toggles it." };

    public Option<bool> NoTitle { get; } = new("--no-title") { Description = "TUI: leave the terminal title alone (default: the target and its state, the previous title restored on exit)." };

    public Option<string?> Notify { get; } = new("--notify") { HelpName = "never|end|errors|always", Description = "TUI: when to ring the bell and send a desktop notification (OSC 9/777): never, end (default: a job's end, a deployment failing or scaled to zero), errors, always (every status change)." };

    public Option<string[]> Alert { get; } = new("--alert") { HelpName = "PATTERN", Description = "TUI: ring the bell and notify (unless --notify never) when a new line matches PATTERN (text, or /REGEX/; smartcase); at most once a minute per pattern, with a count of the matches in between; matched lines are marked '!'. Repeatable. Also :alert in the viewer." };

    public Option<string?> ExitOn { get; } = new("--exit-on") { HelpName = "PATTERN", Description = "text/jsonl: after printing the first line matching PATTERN (text, or /REGEX/; smartcase), exit with code 5." };

    public Option<bool> NoExit { get; } = new("--no-exit") { Description = "Training jobs: keep tailing after the job has ended." };

    public TailCommandOptions()
    {
        // Offered by `logviewer completion`; the values themselves are still checked by TailArgumentsReader.
        Level.CompletionSources.Add("debug", "info", "warning", "error");
        Output.CompletionSources.Add("tui", "text", "jsonl");
    }

    /// <summary>Adds the connection options (not for demo and replay, which need no key).</summary>
    public void AddConnection(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Options.Add(ApiUrl);
        command.Options.Add(ApiKeyFile);
        command.Options.Add(Remote);
    }

    /// <summary>Adds the range and polling options.</summary>
    public void AddRange(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Options.Add(Since);
        command.Options.Add(From);
        command.Options.Add(To);
        command.Options.Add(NoFollow);
        command.Options.Add(PollInterval);
        command.Options.Add(Lookback);
    }

    /// <summary>
    /// Adds the filters. Training commands get the deployment-only ones too, so that using one is refused with a
    /// message saying why rather than an "unrecognized option".
    /// </summary>
    public void AddFilters(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Options.Add(Level);
        command.Options.Add(Replica);
        command.Options.Add(RequestId);
        command.Options.Add(Include);
        command.Options.Add(Exclude);
        command.Options.Add(Grep);
    }

    /// <summary>Adds the output options.</summary>
    public void AddOutput(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Options.Add(Output);
        command.Options.Add(MaxLines);
        command.Options.Add(Utc);
        command.Options.Add(Fresh);
        command.Options.Add(NoMouse);
    }

    /// <summary>Adds the TUI's watching options (title, notifications, alert rules).</summary>
    public void AddWatching(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Options.Add(NoTitle);
        command.Options.Add(Notify);
        command.Options.Add(Alert);
    }
}
