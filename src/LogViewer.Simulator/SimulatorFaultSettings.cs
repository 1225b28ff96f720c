namespace LogViewer.Simulator;

/// <summary>The fault knobs as one value, for <see cref="SimulatorOptions.Faults"/>. All off by default.</summary>
public sealed record SimulatorFaultSettings
{
    public double RateLimitProbability { get; init; }
    public int RetryAfterSeconds { get; init; } = 1;
    public bool RetryAfterInHeader { get; init; }
    public double ServerErrorProbability { get; init; }
    public double Html502Probability { get; init; }
    public double SlowProbability { get; init; }
    public TimeSpan SlowDelay { get; init; } = TimeSpan.FromSeconds(2);
    public DateTimeOffset? OutageStart { get; init; }
    public TimeSpan OutageDuration { get; init; }
    public bool OutageAbortsConnection { get; init; }
    public long OversizedAnswerBytes { get; init; }
    public bool OversizedAnswerGzip { get; init; }
}
