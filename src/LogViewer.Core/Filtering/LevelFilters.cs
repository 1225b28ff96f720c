using LogViewer.Core.Model;

namespace LogViewer.Core.Filtering;

/// <summary>
/// Keeps lines at <see cref="Minimum"/> or above (in a view: entries whose highest level is; a traceback is an error). As the API does, any explicit minimum drops lines without
/// a level (<see cref="LogLevel.None"/>).
/// </summary>
public sealed record MinLevelFilter(LogLevel Minimum) : LogFilter
{
    public override string Describe() => $"level >= {Minimum.ToApi() ?? "NONE"}";

    internal override bool ImpliesTerm(LogFilter other) => other is MinLevelFilter theirs && Effective >= theirs.Effective;

    internal override EntryPredicate Compile() => new LevelPredicate(Keeps);

    internal override bool MatchesPerEntry => true;

    internal override bool[]? EntryLevels => LevelPredicate.Table(Keeps);

    private bool Keeps(LogLevel level) => level != LogLevel.None && level >= Minimum;

    private LogLevel Effective => Minimum == LogLevel.None ? LogLevel.Debug : Minimum;
}

/// <summary>Keeps lines with exactly <see cref="Level"/> (for jumps such as "next warning").</summary>
public sealed record LevelFilter(LogLevel Level) : LogFilter
{
    public override string Describe() => $"level = {Level.ToApi() ?? "NONE"}";

    internal override bool ImpliesTerm(LogFilter other) =>
        Equals(other) || (other is MinLevelFilter theirs && Level != LogLevel.None && Level >= theirs.Minimum);

    internal override EntryPredicate Compile() => new LevelPredicate(level => level == Level);

    internal override bool MatchesPerEntry => true;

    internal override bool[]? EntryLevels => LevelPredicate.Table(level => level == Level);
}
