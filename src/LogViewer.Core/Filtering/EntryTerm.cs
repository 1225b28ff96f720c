namespace LogViewer.Core.Filtering;

/// <summary>
/// One term of a filter judged on a whole entry: text an entry matches when any of its lines does (negated: when
/// none does, so an out-rule hides the whole entry when any line matches it), or a level table the entry's level
/// (the highest of its lines, a traceback an error) is looked up in.
/// </summary>
internal sealed record EntryTerm(EntryPredicate? Lines, bool Negated, bool[]? Levels);
