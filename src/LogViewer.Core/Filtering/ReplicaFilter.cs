namespace LogViewer.Core.Filtering;

/// <summary>
/// Keeps lines of the replicas in <see cref="Replicas"/> (<see cref="Hide"/> false), or every line except theirs
/// (<see cref="Hide"/> true). A line without a replica counts as the replica <c>null</c>.
/// </summary>
public sealed record ReplicaFilter : LogFilter
{
    public ReplicaFilter(IEnumerable<string?> replicas, bool hide = false)
    {
        ArgumentNullException.ThrowIfNull(replicas);
        Replicas = replicas.Distinct().Order(StringComparer.Ordinal).ToArray();
        Hide = hide;
    }

    /// <summary>The replica ids, sorted and distinct.</summary>
    public IReadOnlyList<string?> Replicas { get; }

    public bool Hide { get; }

    public override string Describe() => (Hide ? "hide replicas " : "replicas ") + string.Join(",", Replicas.Select(r => r ?? "(none)"));

    public bool Contains(string? replica) => Replicas.Contains(replica);

    public bool Equals(ReplicaFilter? other) => other is not null && Hide == other.Hide && Replicas.SequenceEqual(other.Replicas);

    public override int GetHashCode() => HashCode.Combine(Hide, Replicas.Count, Replicas.Count > 0 ? Replicas[0] : null);

    internal override bool ImpliesTerm(LogFilter other) => other is ReplicaFilter theirs && (Hide, theirs.Hide) switch
    {
        (false, false) => Replicas.All(theirs.Contains),
        (true, true) => theirs.Replicas.All(Contains),
        (false, true) => !Replicas.Any(theirs.Contains),
        _ => false,
    };

    internal override EntryPredicate Compile() => new ReplicaPredicate(replica => Contains(replica) != Hide);
}
