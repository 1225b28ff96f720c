namespace LogViewer.Core.Filtering;

/// <summary>
/// Which lines to show, as a value: a substring, a regular expression, a minimum or exact level, a set of
/// replicas, a request id, the negation of one of those, or <see cref="AllOfFilter"/> of several. Equal filters
/// keep equal lines. <see cref="IsNarrowingOf"/> tells a view when it may re-scan only the current matches.
/// </summary>
public abstract record LogFilter
{
    /// <summary>Keeps every line.</summary>
    public static LogFilter All { get; } = new AllOfFilter([]);

    /// <summary>True for a filter that keeps every line.</summary>
    public bool KeepsAll => this is AllOfFilter { Terms.Count: 0 };

    /// <summary>A short human description for a status bar ("text 'loss' · level >= WARNING").</summary>
    public abstract string Describe();

    /// <summary>
    /// True when every line this filter keeps is also kept by <paramref name="other"/>, judged from the filters
    /// alone: the same text with characters added, a higher minimum level, fewer replicas, an added term.
    /// A view then re-scans only <paramref name="other"/>'s matches. False means "not known", never "wrong".
    /// </summary>
    public bool IsNarrowingOf(LogFilter other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var mine = TermsOf(this);
        return TermsOf(other).All(theirs => mine.Any(term => term.ImpliesTerm(theirs)));
    }

    /// <summary>Both filters, all of them must keep a line.</summary>
    public LogFilter And(LogFilter other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new AllOfFilter([.. TermsOf(this), .. TermsOf(other)]);
    }

    /// <summary>True when every line this single term keeps is also kept by the single term <paramref name="other"/>.</summary>
    internal virtual bool ImpliesTerm(LogFilter other) => Equals(other);

    internal abstract EntryPredicate Compile();

    /// <summary>
    /// This filter with entry semantics, as views filter the store: an entry's text terms match when any of its lines
    /// does (an exclude term hides the entry when any line matches it), its level is the highest of its lines (a
    /// traceback an error); replica, request id and time terms stay per line. Without text or level terms it is
    /// <see cref="Compile"/>.
    /// </summary>
    internal EntryPredicate CompileForEntries()
    {
        var lineTerms = new List<LogFilter>();
        var entryTerms = new List<EntryTerm>();
        foreach (var term in TermsOf(this))
        {
            if (term.EntryLevels is { } levels)
            {
                entryTerms.Add(new EntryTerm(null, false, levels));
            }
            else if (term is NotFilter { Inner: { MatchesPerEntry: true, EntryLevels: null } inner })
            {
                entryTerms.Add(new EntryTerm(inner.Compile(), true, null));
            }
            else if (term.MatchesPerEntry)
            {
                entryTerms.Add(new EntryTerm(term.Compile(), false, null));
            }
            else
            {
                lineTerms.Add(term);
            }
        }

        var whole = Compile();
        return entryTerms.Count == 0 ? whole
            : new EntryScopedPredicate(whole, lineTerms.Count == 0 ? null : new AllOfFilter(lineTerms).Compile(), [.. entryTerms]);
    }

    /// <summary>True for a term judged on whole entries (text, level), false for one judged per line.</summary>
    internal virtual bool MatchesPerEntry => false;

    /// <summary>For a level term, whether it keeps each level (indexed by level); null otherwise.</summary>
    internal virtual bool[]? EntryLevels => null;

    /// <summary>Relative cost per line, so <see cref="AllOfFilter"/> runs cheap terms first.</summary>
    internal virtual int Cost => 1;

    internal static IReadOnlyList<LogFilter> TermsOf(LogFilter filter) =>
        filter is AllOfFilter all ? all.Terms.SelectMany(TermsOf).ToList() : [filter];
}
