using System.Text.RegularExpressions;
using LogViewer.Core.Filtering;
using LogViewer.Core.Rules;

namespace LogViewer.Tui.Matching;

/// <summary>
/// The quick filter's text, parsed in the rule syntax (<see cref="RulePattern"/>): plain text is a substring,
/// <c>/regex/</c> a regular expression (a closing <c>/</c> is optional), <c>\/text</c> literal text starting with a
/// slash; case is ignored unless the text has an uppercase letter (smartcase). Regexes run with
/// <see cref="RegexOptions.NonBacktracking"/> so no pattern can hang the viewer. <see cref="Filter"/> narrows the
/// store's view; the matcher itself finds the spans to highlight in the sanitized text on screen.
/// </summary>
internal sealed class TextMatcher
{
    private readonly string? _substring;
    private readonly StringComparison _comparison;
    private readonly Regex? _regex;

    private TextMatcher(string source, RulePattern? pattern, string? substring, Regex? regex)
    {
        Source = source;
        Pattern = pattern;
        _substring = substring;
        _comparison = pattern is { CaseSensitive: true } ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
        _regex = regex;
    }

    /// <summary>Matches every line (empty filter text).</summary>
    public static TextMatcher All { get; } = new(string.Empty, null, null, null);

    /// <summary>The filter text this was parsed from.</summary>
    public string Source { get; }

    /// <summary>The text as a rule pattern (the rule that Enter keeps); <c>null</c> when it matches everything.</summary>
    public RulePattern? Pattern { get; }

    /// <summary>The store filter for this text; <c>null</c> when it matches everything.</summary>
    public LogFilter? Filter => Pattern?.Filter;

    public bool MatchesEverything => Filter is null;

    /// <summary>Parses filter text in the rule syntax; on an invalid pattern returns false with a one-line reason.</summary>
    public static bool TryParse(string text, out TextMatcher matcher, out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        error = null;
        matcher = All;
        var pattern = RulePattern.Parse(text);

        // A lone "/" is a regex about to be typed, not a search for slashes.
        if (pattern.Text.Length == 0 || text == "/")
        {
            return true;
        }

        if (!pattern.IsRegex)
        {
            matcher = new TextMatcher(text, pattern, pattern.Text, null);
            return true;
        }

        if (pattern.Error is { } reason)
        {
            error = reason;
            return false;
        }

        // The pattern compiled its regex once for the store filter; highlighting uses the same one.
        matcher = new TextMatcher(text, pattern, null, ((RegexFilter)pattern.Filter!).Expression);
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
                var at = text.IndexOf(_substring, from, _comparison);
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
