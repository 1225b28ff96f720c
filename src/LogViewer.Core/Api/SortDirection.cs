namespace LogViewer.Core.Api;

/// <summary>Sort order of a log query. The API's default is newest first, so callers always send one.</summary>
public enum SortDirection
{
    Ascending,
    Descending,
}
