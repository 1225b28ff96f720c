namespace LogViewer.Core.Tail;

/// <summary>
/// Something the user must know that does not change the state: lines that may be missing from a millisecond
/// holding more than the API can page through, or entries the API sent with unreadable timestamps.
/// </summary>
public sealed record TailWarning(DateTimeOffset At, string Message) : TailEvent;
