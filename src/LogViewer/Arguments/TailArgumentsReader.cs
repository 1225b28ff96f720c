using System.CommandLine;
using System.Globalization;
using LogViewer.Core.Api;
using LogViewer.Core.Credentials;
using LogViewer.Core.Model;
using LogViewer.Core.Rules;
using LogViewer.Core.Tail;
using LogViewer.Core.Time;
using LogViewer.Tui.State;

namespace LogViewer.Arguments;

/// <summary>
/// Turns the parsed options of a tail command into <see cref="TailSettings"/>, collecting one line per problem so
/// that every mistake is reported at once and before anything touches the network.
/// </summary>
internal sealed class TailArgumentsReader(TailCommandOptions options, TimeProvider timeProvider, TimeZoneInfo zone, bool outputIsTerminal)
{
    private static readonly TimeSpan MinPollInterval = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan MaxLookback = TimeSpan.FromHours(24);

    public TailSettings? Read(ParseResult parse, LogTarget target, List<string> errors)
    {
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(errors);
        var errorCountBefore = errors.Count;
        var now = timeProvider.GetUtcNow();

        var (from, to) = ReadRange(parse, now, errors);
        var pollInterval = ReadDuration(parse, options.PollInterval, TimeSpan.FromSeconds(2), errors);
        if (pollInterval < MinPollInterval)
        {
            errors.Add($"--poll-interval {parse.GetValue(options.PollInterval)}: must be at least 500ms.");
        }

        var lookback = ReadDuration(parse, options.Lookback, TimeSpan.FromSeconds(60), errors);
        if (lookback > MaxLookback)
        {
            errors.Add($"--lookback {parse.GetValue(options.Lookback)}: must be at most 24h.");
        }

        if (parse.GetValue(options.ApiUrl) is { } apiUrl)
        {
            // Checked here too so that a refused URL is reported with every other problem, before any key lookup.
            try
            {
                ApiEndpoint.Parse(apiUrl, options.ApiUrl.Name);
            }
            catch (EndpointException ex)
            {
                errors.Add(ex.Message);
            }
        }

        var filters = ReadFilters(parse, target, errors);
        var output = ReadOutput(parse, errors);
        var maxLines = ReadMaxLines(parse, errors);
        var exitOn = ReadExitOn(parse, output, errors);
        var notify = ReadNotify(parse, errors);
        var alerts = ReadAlerts(parse, output, errors);
        if (errors.Count > errorCountBefore)
        {
            return null;
        }

        var follow = !parse.GetValue(options.NoFollow) && to is null;
        var tail = new TailOptions
        {
            FromEpochMillis = from.ToUnixTimeMilliseconds(),
            ToEpochMillis = to?.ToUnixTimeMilliseconds(),
            Follow = follow,
            PollInterval = pollInterval,
            Lookback = lookback,
            Filters = filters,
            // The TUI stops polling too, but keeps the lines and can resume (TailRunner gives it a TailControl).
            EndWhenJobEnds = !parse.GetValue(options.NoExit),
        };
        var connection = new ConnectionRequest(parse.GetValue(options.ApiKeyFile), parse.GetValue(options.ApiUrl), parse.GetValue(options.Remote));
        return new TailSettings(connection, tail, output, new DisplaySettings(parse.GetValue(options.Utc), maxLines, !parse.GetValue(options.NoMouse), exitOn, parse.GetValue(options.Fresh))
        {
            Title = !parse.GetValue(options.NoTitle),
            Notify = notify,
            Alerts = alerts,
        })
        {
            DefaultRange = parse.GetValue(options.Since) is null && parse.GetValue(options.From) is null && to is null,
        };
    }

    /// <summary>For <c>replay</c>: the filters (applied locally, so without the API's limits), output and display.</summary>
    public (LogQuery Filters, OutputKind Output, DisplaySettings Display)? ReadLocal(ParseResult parse, List<string> errors)
    {
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(errors);
        var errorCountBefore = errors.Count;
        var filters = ReadFilters(parse, target: null, errors);
        var output = ReadOutput(parse, errors);
        var maxLines = ReadMaxLines(parse, errors);
        return errors.Count > errorCountBefore ? null : (filters, output, new DisplaySettings(parse.GetValue(options.Utc), maxLines, !parse.GetValue(options.NoMouse), Fresh: parse.GetValue(options.Fresh)));
    }

    private (DateTimeOffset From, DateTimeOffset? To) ReadRange(ParseResult parse, DateTimeOffset now, List<string> errors)
    {
        var sinceText = parse.GetValue(options.Since);
        var fromText = parse.GetValue(options.From);
        var toText = parse.GetValue(options.To);
        if (sinceText is not null && fromText is not null)
        {
            errors.Add("--since and --from cannot be used together: give a duration with --since, or a start time with --from.");
        }

        var since = ReadDuration(parse, options.Since, TailOptions.DefaultSince, errors);
        DateTimeOffset? to = null;
        if (toText is not null)
        {
            if (TimeSyntax.TryParseTime(toText, zone, out var parsedTo))
            {
                to = parsedTo;
            }
            else
            {
                errors.Add($"--to {toText}: {TimeSyntax.TimeExpectation}.");
            }
        }

        var from = (to ?? now) - since;
        if (fromText is not null)
        {
            if (TimeSyntax.TryParseTime(fromText, zone, out var parsedFrom))
            {
                from = parsedFrom;
            }
            else
            {
                errors.Add($"--from {fromText}: {TimeSyntax.TimeExpectation}.");
            }
        }

        if (to is { } end && from > end)
        {
            errors.Add($"--from {fromText ?? "(from --since)"} is after --to {toText}: the start must come before the end.");
        }

        return (from, to);
    }

    private static TimeSpan ReadDuration(ParseResult parse, Option<string?> option, TimeSpan fallback, List<string> errors)
    {
        var text = parse.GetValue(option);
        if (text is null)
        {
            return fallback;
        }

        if (TimeSyntax.TryParseDuration(text, out var duration))
        {
            return duration;
        }

        errors.Add($"{option.Name} {text}: {TimeSyntax.DurationExpectation}.");
        return fallback;
    }

    private LogQuery ReadFilters(ParseResult parse, LogTarget? target, List<string> errors)
    {
        LogLevel? level = null;
        if (parse.GetValue(options.Level) is { } levelText)
        {
            if (LogLevels.TryParseUserInput(levelText, out var parsed))
            {
                level = parsed;
            }
            else
            {
                errors.Add($"--level {levelText}: expected debug, info, warning or error.");
            }
        }

        var query = new LogQuery
        {
            MinLevel = level,
            Replica = parse.GetValue(options.Replica),
            RequestId = parse.GetValue(options.RequestId),
            SearchPattern = parse.GetValue(options.Grep),
            Includes = parse.GetValue(options.Include) ?? [],
            Excludes = parse.GetValue(options.Exclude) ?? [],
        };

        if (target is TrainingJobTarget && query.HasDeploymentOnlyFilters)
        {
            var used = new[]
            {
                (options.Replica.Name, query.Replica is not null),
                (options.RequestId.Name, query.RequestId is not null),
                (options.Include.Name, query.Includes.Count > 0),
                (options.Exclude.Name, query.Excludes.Count > 0),
                (options.Grep.Name, query.SearchPattern is not null),
            }.Where(o => o.Item2).Select(o => o.Item1);
            errors.Add($"{string.Join(", ", used)}: only deployment logs can be filtered this way; the training job logs API accepts --level only.");
            return query;
        }

        if (target is not null)
        {
            errors.AddRange(query.Validate(target).Select(problem => char.ToUpperInvariant(problem[0]) + problem[1..]));
        }

        return query;
    }

    private NotifyMode ReadNotify(ParseResult parse, List<string> errors)
    {
        switch (parse.GetValue(options.Notify)?.ToLowerInvariant())
        {
            case null or "end":
                return NotifyMode.End;
            case "never":
                return NotifyMode.Never;
            case "errors":
                return NotifyMode.Errors;
            case "always":
                return NotifyMode.Always;
            case var other:
                errors.Add($"{options.Notify.Name} {other}: expected never, end, errors or always.");
                return NotifyMode.End;
        }
    }

    private List<RulePattern> ReadAlerts(ParseResult parse, OutputKind output, List<string> errors)
    {
        var texts = parse.GetValue(options.Alert) ?? [];
        var alerts = new List<RulePattern>();
        foreach (var text in texts)
        {
            if (RulePattern.TryParse(text, out var pattern, out var error))
            {
                alerts.Add(pattern);
            }
            else
            {
                errors.Add($"{options.Alert.Name} {text}: {error}");
            }
        }

        if (texts.Length > 0 && output != OutputKind.Tui)
        {
            // Text and jsonl go to scripts and files, where a bell or an escape sequence would only garble the output.
            errors.Add($"{options.Alert.Name} notifies in the TUI; a text or jsonl tail can end on a match instead: --exit-on PATTERN exits with code 5 after printing it.");
        }

        return alerts;
    }

    private RulePattern? ReadExitOn(ParseResult parse, OutputKind output, List<string> errors)
    {
        if (parse.GetValue(options.ExitOn) is not { } text)
        {
            return null;
        }

        if (!RulePattern.TryParse(text, out var pattern, out var error))
        {
            errors.Add($"{options.ExitOn.Name}: {error}");
            return null;
        }

        if (output == OutputKind.Tui)
        {
            // A script waits on the exit code; the TUI is for a person, who keeps the lines on screen.
            errors.Add($"{options.ExitOn.Name} ends a text or jsonl tail; add --output text (or jsonl), as in: logviewer training P J --output text --exit-on 'loss=nan'.");
            return null;
        }

        return pattern;
    }

    private OutputKind ReadOutput(ParseResult parse, List<string> errors)
    {
        var text = parse.GetValue(options.Output);
        if (text is null)
        {
            return outputIsTerminal ? OutputKind.Tui : OutputKind.Text;
        }

        if (OutputKinds.TryParse(text, out var kind))
        {
            return kind;
        }

        errors.Add($"--output {text}: expected tui, text or jsonl.");
        return OutputKind.Text;
    }

    private int? ReadMaxLines(ParseResult parse, List<string> errors)
    {
        var text = parse.GetValue(options.MaxLines);
        if (text is null)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var lines) && lines > 0)
        {
            return lines;
        }

        errors.Add($"--max-lines {text}: expected a whole number above 0.");
        return null;
    }
}
