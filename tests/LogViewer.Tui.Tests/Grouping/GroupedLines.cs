using LogViewer.Core.Model;

namespace LogViewer.Tui.Tests.Grouping;

/// <summary>Lines that group into one entry: a Python traceback, printed at once.</summary>
internal static class GroupedLines
{
    public static readonly string[] Traceback =
    [
        "Traceback (most recent call last):",
        "  File \"train.py\", line 42, in <module>",
        "    main()",
        "  File \"train.py\", line 17, in main",
        "    loss = step(batch)",
        "torch.OutOfMemoryError: CUDA out of memory",
    ];

    /// <summary>Lines one millisecond apart from second <paramref name="second"/>.</summary>
    public static LogEntry[] Burst(int second, string replica, LogLevel level, params string[] messages) =>
        [.. messages.Select((m, i) => Entries.At(second, m, level, replica) with { TimestampNanos = Entries.At(second, m).TimestampNanos + (i * 1_000_000L) })];
}
