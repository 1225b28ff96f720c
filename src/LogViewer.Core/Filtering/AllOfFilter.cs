namespace LogViewer.Core.Filtering;

/// <summary>Keeps a line when every one of <see cref="Terms"/> keeps it; no terms keeps every line.</summary>
public sealed record AllOfFilter(IReadOnlyList<LogFilter> Terms) : LogFilter
{
    public override string Describe() => Terms.Count == 0 ? "all lines" : string.Join(" · ", Terms.Select(t => t.Describe()));

    public bool Equals(AllOfFilter? other) => other is not null && Terms.SequenceEqual(other.Terms);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var term in Terms)
        {
            hash.Add(term);
        }

        return hash.ToHashCode();
    }

    internal override EntryPredicate Compile() =>
        new AllOfPredicate(TermsOf(this).OrderBy(term => term.Cost).Select(term => term.Compile()).ToArray());
}
