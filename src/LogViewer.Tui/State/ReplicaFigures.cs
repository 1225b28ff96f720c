namespace LogViewer.Tui.State;

/// <summary>One sidebar row: lines held and recent lines per second of one replica.</summary>
internal sealed record ReplicaFigures(string Replica, long Lines, double RatePerSecond);
