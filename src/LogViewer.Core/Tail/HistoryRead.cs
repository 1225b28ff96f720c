namespace LogViewer.Core.Tail;

/// <summary>
/// One read of the back-fill (<see cref="HistoryPager"/>), its entries in timestamp order.
/// <see cref="RereadMillis"/> is the millisecond the next read starts from again (the oldest of a full page, which
/// that page may have cut in the middle), so its lines must be remembered until then; <see cref="NextEndMillis"/> is
/// the newest millisecond any later read can return, <c>null</c> when this was the last read of the range.
/// </summary>
internal sealed record HistoryRead(PageRead Read, long? RereadMillis, long? NextEndMillis);
