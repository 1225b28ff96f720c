using System.Diagnostics.CodeAnalysis;
using LogViewer.Core.Filtering;

namespace LogViewer.Core.Rules;

/// <summary>
/// What a rule looks for: a substring, or a regular expression (linear-time). Case follows "smartcase", as in less
/// and vim: the match ignores case unless the pattern holds an uppercase letter (in a regex, letters of escapes such
/// as <c>\S</c> or <c>\W</c> do not count). <see cref="Parse"/> reads the user's syntax: <c>/REGEX/</c> is a regex,
/// <c>\/TEXT</c> is the literal text <c>/TEXT</c>, anything else is literal text.
/// </summary>
public sealed record RulePattern
{
    private RulePattern(string text, bool isRegex)
    {
        Text = text;
        IsRegex = isRegex;
        CaseSensitive = HasUppercase(text, isRegex);
        if (isRegex)
        {
            Filter = RegexFilter.TryCreate(text, !CaseSensitive, out var regex, out var error) ? regex : null;
            Error = error;
        }
        else
        {
            Filter = new TextFilter(text, !CaseSensitive);
        }
    }

    /// <summary>The substring or the regular expression, without delimiters.</summary>
    public string Text { get; }

    public bool IsRegex { get; }

    /// <summary>True when the pattern holds an uppercase letter (smartcase).</summary>
    public bool CaseSensitive { get; }

    /// <summary>The compiled match; <c>null</c> when <see cref="Error"/> says why the pattern is unusable.</summary>
    public LogFilter? Filter { get; }

    /// <summary>One line naming what is wrong with an invalid regular expression; <c>null</c> when it is valid.</summary>
    public string? Error { get; }

    /// <summary>The pattern as the user writes it: <c>/regex/</c>, <c>\/literal</c> or <c>literal</c>.</summary>
    public string Display => IsRegex ? $"/{Text}/" : Text.StartsWith('/') ? "\\" + Text : Text;

    public static RulePattern Literal(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new RulePattern(text, isRegex: false);
    }

    public static RulePattern Regex(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        return new RulePattern(pattern, isRegex: true);
    }

    /// <summary>
    /// Reads <paramref name="input"/> in the rule syntax: <c>/REGEX/</c> (a leading slash and a trailing one, or
    /// just a leading one while still typing), <c>\/TEXT</c> for text starting with a slash, else literal text.
    /// </summary>
    public static RulePattern Parse(string input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.StartsWith("\\/", StringComparison.Ordinal))
        {
            return Literal(input[1..]);
        }

        if (input.Length > 1 && input[0] == '/')
        {
            var closed = input[^1] == '/' && (input.Length == 2 || input[^2] != '\\');
            var end = closed ? input.Length - 1 : input.Length;
            return Regex(input[1..end]);
        }

        return Literal(input);
    }

    /// <summary>
    /// <see cref="Parse"/> for a pattern that must be usable as given (<c>--exit-on</c>, <c>--alert</c>,
    /// <c>:alert</c>): an empty pattern (a lone <c>/</c> included) or an invalid regex returns false with one line
    /// naming what is wrong and what to write instead.
    /// </summary>
    public static bool TryParse(string input, [NotNullWhen(true)] out RulePattern? pattern, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(input);
        var parsed = Parse(input);
        pattern = null;
        if (parsed.Text.Length == 0 || input == "/")
        {
            error = "the pattern is empty: give text (CUDA out of memory) or /REGEX/ (/loss=(nan|inf)/).";
            return false;
        }

        if (parsed.Error is { } invalid)
        {
            error = invalid;
            return false;
        }

        pattern = parsed;
        error = null;
        return true;
    }

    /// <summary>
    /// Whether <paramref name="message"/> matches, for a line checked as it arrives (<c>--exit-on</c>, alert rules)
    /// rather than scanned in the store; false for an invalid pattern.
    /// </summary>
    public bool Matches(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return Filter switch
        {
            TextFilter text => text.IsMatch(message),
            RegexFilter regex => regex.IsMatch(message),
            _ => false,
        };
    }

    public bool Equals(RulePattern? other) => other is not null && IsRegex == other.IsRegex && Text == other.Text;

    public override int GetHashCode() => HashCode.Combine(Text, IsRegex);

    public override string ToString() => Display;

    private static bool HasUppercase(string text, bool isRegex)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (isRegex && text[i] == '\\')
            {
                i++;
                continue;
            }

            if (char.IsUpper(text[i]))
            {
                return true;
            }
        }

        return false;
    }
}
