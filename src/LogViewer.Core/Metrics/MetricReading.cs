namespace LogViewer.Core.Metrics;

/// <summary>One number a log line carries: its key as the line spells it (<c>loss</c>, <c>it/s</c>) and its value.</summary>
/// <param name="Key">The key, interned by the scanner that read it (the same string for every line).</param>
/// <param name="Value">A finite number.</param>
public readonly record struct MetricReading(string Key, double Value);
