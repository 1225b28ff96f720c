namespace LogViewer.Core.Filtering;

/// <summary>
/// Keeps a line when at least one of <see cref="Terms"/> keeps it (the in-rules of a rule set). No terms keeps
/// nothing; a rule set leaves the term out instead when it has no enabled in-rule.
/// </summary>
public sealed record AnyOfFilter(IReadOnlyList<LogFilter> Terms) : LogFilter
{
    public override string Describe() => "any of (" + string.Join(" | ", Terms.Select(t => t.Describe())) + ")";

    public bool Equals(AnyOfFilter? other) => other is not null && Terms.SequenceEqual(other.Terms);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var term in Terms)
        {
            hash.Add(term);
        }

        return hash.ToHashCode();
    }

    // Narrower when each of our alternatives is narrower than one of theirs (typing into one in-rule narrows the set).
    internal override bool ImpliesTerm(LogFilter other) =>
        Equals(other) || (other is AnyOfFilter theirs && Terms.All(mine => theirs.Terms.Any(mine.IsNarrowingOf)))
        || (Terms.Count > 0 && Terms.All(mine => mine.IsNarrowingOf(other)));

    internal override bool MatchesPerEntry => Terms.All(term => term.MatchesPerEntry && term.EntryLevels is null);

    internal override int Cost => Terms.Sum(t => t.Cost) + 1;

    internal override EntryPredicate Compile() => new AnyOfPredicate(Terms.Select(t => t.Compile()).ToArray());
}
