namespace LogViewer.Core.Filtering;

/// <summary>Keeps the lines of one inference request.</summary>
public sealed record RequestIdFilter(string RequestId) : LogFilter
{
    public override string Describe() => $"request {RequestId}";

    internal override EntryPredicate Compile() => new RequestIdPredicate(RequestId);
}
