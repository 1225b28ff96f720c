using System.Text.RegularExpressions;
using LogViewer.Core.Filtering;

namespace LogViewer.Tui.Matching;

/// <summary>
/// The quick filter's text, parsed. Plain text is a case-insensitive substring; text starting with <c>/</c> is a
/// case-insensitive regular expression (a closing <c>/</c> is optional), run with
/// <see cref="RegexOptions.NonBacktracking"/> so no pattern can hang the viewer. <see cref="Filter"/> narrows the
/// store's view; the matcher itself finds the spans to highlight in the sanitized text on screen.
/// </summary>
internal sealed class TextMatcher
{
    private readonly string? _substring;
    private readonly Regex? _regex;

    private TextMatcher(string source, string? substring, Regex? regex, LogFilter? filter)
    {
        Source = source;
        _substring = substring;
        _regex = regex;
        Filter = filter;
    }

    /// <summary>Matches every line (empty filter text).</summary>
    public static TextMatcher All { get; } = new(string.Empty, null, null, null);

    /// <summary>The filter text this was parsed from.</summary>
    public string Source { get; }

    /// <summary>The store filter for this text; <c>null</c> when it matches everything.</summary>
    public LogFilter? Filter { get; }

    public bool MatchesEverything => Filter is null;

    /// <summary>Parses filter text; on an invalid pattern returns false with a one-line reason.</summary>
    public static bool TryParse(string text, out TextMatcher matcher, out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        error = null;
        matcher = All;
        if (text.Length == 0)
        {
            return true;
        }

        if (text[0] != '/')
        {
            matcher = new TextMatcher(text, text, null, new TextFilter(text, IgnoreCase: true));
            return true;
        }

        var pattern = text.Length > 1 && text[^1] == '/' ? text[1..^1] : text[1..];
        if (pattern.Length == 0)
        {
            return true;
        }

        if (!RegexFilter.TryCreate(pattern, ignoreCase: true, out var filter, out error))
        {
            return false;
        }

        var options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking;
        matcher = new TextMatcher(text, null, new Regex(pattern, options, Regex.InfiniteMatchTimeout), filter);
        return true;
    }

    /// <summary>Adds every non-overlapping match in <paramref name="text"/> as (start, length) to <paramref name="matches"/>.</summary>
    public void FindMatches(string text, List<(int Start, int Length)> matches)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(matches);
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
}
