using System.Text.RegularExpressions;

namespace LogViewer.Core.Filtering;

/// <summary>
/// Keeps lines whose message matches a regular expression, run with <see cref="RegexOptions.NonBacktracking"/>
/// so that no pattern can take more than linear time per line. Made only through <see cref="TryCreate"/>, which
/// reports an invalid pattern as a message instead of throwing.
/// </summary>
public sealed record RegexFilter : LogFilter
{
    private static readonly TimeSpan ConstructionTimeout = Regex.InfiniteMatchTimeout;

    private readonly Regex _regex;

    private RegexFilter(string pattern, bool ignoreCase, Regex regex)
    {
        Pattern = pattern;
        IgnoreCase = ignoreCase;
        _regex = regex;
    }

    public string Pattern { get; }

    public bool IgnoreCase { get; }

    /// <summary>The compiled expression, for callers that need the match spans (highlighting) and not only yes or no.</summary>
    public Regex Expression => _regex;

    /// <summary>
    /// Compiles <paramref name="pattern"/>. On failure <paramref name="filter"/> is <c>null</c> and
    /// <paramref name="error"/> is one line naming the pattern and what is wrong with it.
    /// </summary>
    public static bool TryCreate(string pattern, bool ignoreCase, out RegexFilter? filter, out string? error)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        var options = RegexOptions.NonBacktracking | RegexOptions.CultureInvariant | (ignoreCase ? RegexOptions.IgnoreCase : RegexOptions.None);
        try
        {
            filter = new RegexFilter(pattern, ignoreCase, new Regex(pattern, options, ConstructionTimeout));
            error = null;
            return true;
        }
        catch (ArgumentException exception)
        {
            filter = null;
            var reason = exception is RegexParseException parse ? $"{parse.Error} at offset {parse.Offset}" : exception.Message;
            error = $"invalid regular expression '{pattern}': {reason}.";
            return false;
        }
        catch (NotSupportedException exception)
        {
            filter = null;
            error = $"regular expression '{pattern}' is not supported (no backreferences, lookarounds or atomic groups): {exception.Message}";
            return false;
        }
    }

    public override string Describe() => IgnoreCase ? $"regex /{Pattern}/i" : $"regex /{Pattern}/";

    public bool Equals(RegexFilter? other) =>
        other is not null && Pattern == other.Pattern && IgnoreCase == other.IgnoreCase;

    public override int GetHashCode() => HashCode.Combine(Pattern, IgnoreCase);

    /// <summary>Whether one message matches, for a line checked as it arrives rather than in the store.</summary>
    internal bool IsMatch(string message) => _regex.IsMatch(message);

    internal override bool MatchesPerEntry => true;

    internal override int Cost => 100;

    internal override EntryPredicate Compile() => new RegexPredicate(_regex);
}
