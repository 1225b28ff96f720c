using System.Text.RegularExpressions;
using LogViewer.Core.Model;

namespace LogViewer.Core.Watching;

/// <summary>
/// A pattern a new line is checked against as it arrives (<c>--exit-on</c>): <c>/REGEX/</c> is a regular expression
/// run with <see cref="RegexOptions.NonBacktracking"/> (linear time, so no pattern can stall the tail), <c>\/TEXT</c>
/// is the literal text <c>/TEXT</c>, anything else is literal text. Case follows smartcase, as the filter rules do:
/// ignored unless the pattern holds an uppercase letter. Matches the line's message.
/// </summary>
public sealed class LinePattern
{
    private readonly string? _literal;
    private readonly Regex? _regex;
    private readonly StringComparison _comparison;

    private LinePattern(string display, string? literal, Regex? regex, bool caseSensitive)
    {
        Display = display;
        _literal = literal;
        _regex = regex;
        _comparison = caseSensitive ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
    }

    /// <summary>The pattern as the user wrote it.</summary>
    public string Display { get; }

    /// <summary>
    /// Reads <paramref name="input"/>; on an empty pattern or an invalid regular expression returns false with one
    /// line naming what is wrong.
    /// </summary>
    public static bool TryParse(string input, out LinePattern? pattern, out string? error)
    {
        ArgumentNullException.ThrowIfNull(input);
        pattern = null;
        error = null;
        if (input.Length == 0 || input == "/" || input == "//")
        {
            error = "the pattern is empty: give text (CUDA out of memory) or /REGEX/ (/loss=(nan|inf)/).";
            return false;
        }

        if (input.StartsWith("\\/", StringComparison.Ordinal))
        {
            var text = input[1..];
            pattern = new LinePattern(input, text, null, HasUppercase(text));
            return true;
        }

        if (input[0] != '/')
        {
            pattern = new LinePattern(input, input, null, HasUppercase(input));
            return true;
        }

        var body = input.Length > 1 && input[^1] == '/' ? input[1..^1] : input[1..];
        var caseSensitive = HasUppercase(Regex.Replace(body, @"\\.", string.Empty));
        var options = RegexOptions.NonBacktracking | RegexOptions.CultureInvariant | (caseSensitive ? RegexOptions.None : RegexOptions.IgnoreCase);
        try
        {
            pattern = new LinePattern(input, null, new Regex(body, options, Regex.InfiniteMatchTimeout), caseSensitive);
            return true;
        }
        catch (ArgumentException exception)
        {
            var reason = exception is RegexParseException parse ? $"{parse.Error} at offset {parse.Offset}" : exception.Message;
            error = $"invalid regular expression '{body}': {reason}.";
            return false;
        }
        catch (NotSupportedException exception)
        {
            // NonBacktracking refuses backreferences and lookarounds.
            error = $"regular expression '{body}' uses a construct that cannot run in linear time: {exception.Message}";
            return false;
        }
    }

    public bool Matches(LogEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return _regex?.IsMatch(entry.Message) ?? entry.Message.Contains(_literal!, _comparison);
    }

    private static bool HasUppercase(string text) => text.Any(char.IsUpper);
}
