using System.Text.RegularExpressions;

namespace LogViewer.Tui.Matching;

/// <summary>
/// The quick filter's text, parsed. Plain text is a case-insensitive substring; text starting with <c>/</c> is a
/// case-insensitive regular expression (a closing <c>/</c> is optional), run with
/// <see cref="RegexOptions.NonBacktracking"/> so no pattern can hang the viewer.
/// </summary>
internal sealed class TextMatcher
{
    private static readonly TimeSpan NoTimeout = Regex.InfiniteMatchTimeout;

    private readonly string? _substring;
    private readonly Regex? _regex;

    private TextMatcher(string source, string? substring, Regex? regex)
    {
        Source = source;
        _substring = substring;
        _regex = regex;
    }

    /// <summary>Matches every line (empty filter text).</summary>
    public static TextMatcher All { get; } = new(string.Empty, null, null);

    /// <summary>The filter text this was parsed from.</summary>
    public string Source { get; }

    public bool MatchesEverything => _substring is null && _regex is null;

    /// <summary>Parses filter text; on an invalid pattern returns false with a one-line reason.</summary>
    public static bool TryParse(string text, out TextMatcher matcher, out string? error)
    {
        error = null;
        matcher = All;
        if (text.Length == 0)
        {
            return true;
        }

        if (text[0] != '/')
        {
            matcher = new TextMatcher(text, text, null);
            return true;
        }

        var pattern = text.Length > 1 && text[^1] == '/' ? text[1..^1] : text[1..];
        if (pattern.Length == 0)
        {
            return true;
        }

        try
        {
            var options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking;
            matcher = new TextMatcher(text, null, new Regex(pattern, options, NoTimeout));
            return true;
        }
        catch (ArgumentException ex)
        {
            error = $"invalid regex: {FirstLine(ex.Message)}";
            return false;
        }
        catch (NotSupportedException ex)
        {
            // NonBacktracking rejects lookarounds and backreferences.
            error = $"regex not supported: {FirstLine(ex.Message)}";
            return false;
        }
    }

    public bool IsMatch(string text) =>
        _substring is not null ? text.Contains(_substring, StringComparison.OrdinalIgnoreCase)
        : _regex is null || _regex.IsMatch(text);

    /// <summary>Adds every non-overlapping match in <paramref name="text"/> as (start, length) to <paramref name="matches"/>.</summary>
    public void FindMatches(string text, List<(int Start, int Length)> matches)
    {
        if (_substring is not null)
        {
            var from = 0;
            while (from < text.Length)
            {
                var at = text.IndexOf(_substring, from, StringComparison.OrdinalIgnoreCase);
                if (at < 0)
                {
                    break;
                }

                matches.Add((at, _substring.Length));
                from = at + _substring.Length;
            }
        }
        else if (_regex is not null)
        {
            foreach (var match in _regex.EnumerateMatches(text))
            {
                if (match.Length > 0)
                {
                    matches.Add((match.Index, match.Length));
                }
            }
        }
    }

    private static string FirstLine(string message)
    {
        var end = message.IndexOfAny(['\r', '\n']);
        return end < 0 ? message : message[..end];
    }
}
