namespace LogViewer.Core.Filtering;

/// <summary>Keeps the lines <see cref="Inner"/> drops (an exclude term).</summary>
public sealed record NotFilter(LogFilter Inner) : LogFilter
{
    public override string Describe() => $"not ({Inner.Describe()})";

    // Dropping more is narrower: not(a) keeps less than not(b) when b keeps less than a.
    internal override bool ImpliesTerm(LogFilter other) =>
        other is NotFilter theirs && TermsOf(theirs.Inner).Count == 1 && TermsOf(Inner).Count == 1 &&
        theirs.Inner.ImpliesTerm(Inner);

    internal override bool MatchesPerEntry => Inner.MatchesPerEntry && Inner.EntryLevels is null;

    internal override int Cost => Inner.Cost + 1;

    internal override EntryPredicate Compile() => new NotPredicate(Inner.Compile());
}
