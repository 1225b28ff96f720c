namespace LogViewer.Core.Metrics;

/// <summary>A key found in the lines and how many lines carried it.</summary>
public readonly record struct MetricKeyCount(string Key, long Lines);
