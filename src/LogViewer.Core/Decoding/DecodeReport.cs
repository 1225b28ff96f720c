using System.Collections.Immutable;
using System.Globalization;

namespace LogViewer.Core.Decoding;

/// <summary>
/// What decoding a run of LogV1 entries (an API page, a jsonl file) cost: the entries skipped, counted by the reason
/// (which names the field at fault), and the entries kept whose text had to be repaired (invalid UTF-8 or a lone
/// surrogate escape shown as U+FFFD), counted by field. Reported once per kind, never once per entry.
/// </summary>
public sealed record DecodeReport(ImmutableSortedDictionary<string, int> Skipped, ImmutableSortedDictionary<string, int> Repaired)
{
    public static DecodeReport None { get; } = new(ImmutableSortedDictionary<string, int>.Empty, ImmutableSortedDictionary<string, int>.Empty);

    /// <summary>Entries skipped for any reason.</summary>
    public int SkippedCount => Skipped.Values.Sum();

    /// <summary>Entries kept with repaired text, over all fields.</summary>
    public int RepairedCount => Repaired.Values.Sum();

    public bool IsClean => Skipped.IsEmpty && Repaired.IsEmpty;

    /// <summary>Equal counts for every kind.</summary>
    public bool Equals(DecodeReport? other) =>
        other is not null && Skipped.SequenceEqual(other.Skipped) && Repaired.SequenceEqual(other.Repaired);

    public override int GetHashCode() => HashCode.Combine(Skipped.Count, SkippedCount, Repaired.Count, RepairedCount);

    /// <summary>Both reports' counts added up.</summary>
    public DecodeReport Plus(DecodeReport other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return other.IsClean ? this : IsClean ? other : new(Sum(Skipped, other.Skipped), Sum(Repaired, other.Repaired));
    }

    /// <summary>
    /// One line per kind, each with a key that stays the same from report to report (so a reader can say each kind
    /// once): "3 messages had invalid text, shown with U+FFFD", "2 entries skipped: the message is not a string".
    /// </summary>
    public IEnumerable<(string Kind, string Text)> Describe()
    {
        foreach (var (field, count) in Repaired)
        {
            yield return ("repaired " + field, string.Create(CultureInfo.InvariantCulture, $"{count} {Plural(field, count)} had invalid text, shown with U+FFFD"));
        }

        foreach (var (reason, count) in Skipped)
        {
            yield return ("skipped " + reason, string.Create(CultureInfo.InvariantCulture, $"{count} {(count == 1 ? "entry" : "entries")} skipped: {reason}"));
        }
    }

    private static string Plural(string field, int count) => (field, count == 1) switch
    {
        (LogV1Fields.Message, true) => "message",
        (LogV1Fields.Message, false) => "messages",
        (LogV1Fields.Replica, true) => "replica id",
        (LogV1Fields.Replica, false) => "replica ids",
        (LogV1Fields.RequestId, true) => "request id",
        (LogV1Fields.RequestId, false) => "request ids",
        _ => field,
    };

    private static ImmutableSortedDictionary<string, int> Sum(ImmutableSortedDictionary<string, int> a, ImmutableSortedDictionary<string, int> b)
    {
        var sum = a.ToBuilder();
        foreach (var (key, count) in b)
        {
            sum[key] = sum.GetValueOrDefault(key) + count;
        }

        return sum.ToImmutable();
    }
}
