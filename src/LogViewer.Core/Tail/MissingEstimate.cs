namespace LogViewer.Core.Tail;

/// <summary>Lines that may be missing between two nanosecond timestamps; <see cref="Lines"/> is unknown when <c>null</c>.</summary>
internal sealed record MissingEstimate(long AfterNanos, long BeforeNanos, long? Lines);
