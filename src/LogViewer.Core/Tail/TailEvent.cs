namespace LogViewer.Core.Tail;

/// <summary>
/// Everything the tail engine reports, in one ordered stream: <see cref="TailBatch"/> (new entries),
/// <see cref="TailStatus"/> (state changes) and <see cref="TailWarning"/>. One stream keeps batches and the
/// status that explains them in the order they happened, and one subscription means one poller.
/// </summary>
public abstract record TailEvent;
