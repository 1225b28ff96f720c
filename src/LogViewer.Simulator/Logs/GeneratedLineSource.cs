namespace LogViewer.Simulator.Logs;

/// <summary>
/// Generates a target's lines lazily and deterministically: the sequence depends only on the plan and seed, never on
/// when or how often it is asked, so a demo running for days generates exactly what it is asked for up to now.
/// </summary>
internal sealed class GeneratedLineSource
{
    private const long NanosPerMilli = 1_000_000;
    private const long NanosPerSecond = 1_000_000_000;
    private const double SmallBurstChance = 1.0 / 4000;
    private const double PageBurstChance = 1.0 / 25000;

    private readonly GenerationPlan _plan;
    private readonly ILineComposer _composer;
    private readonly Random _random;
    private readonly Queue<SimulatedLine> _pending = new();
    private readonly List<ComposedLine> _scratch = [];
    private long _nextEventNanos;
    private bool _finished;

    public GeneratedLineSource(GenerationPlan plan, ILineComposer composer)
    {
        _plan = plan;
        _composer = composer;
        _random = new Random(plan.Seed);
        _nextEventNanos = plan.StartNanos;
    }

    /// <summary>Appends, in timestamp order, every line with a timestamp up to <paramref name="untilNanos"/> not produced before.</summary>
    public void GenerateUntil(long untilNanos, List<SimulatedLine> output)
    {
        while (true)
        {
            while (_pending.TryPeek(out var line) && line.TimestampNanos <= untilNanos)
            {
                output.Add(_pending.Dequeue());
            }

            if (_pending.Count > 0 || _finished || _nextEventNanos > untilNanos)
            {
                return;
            }

            ProduceNextEvent();
        }
    }

    private void ProduceNextEvent()
    {
        if (_nextEventNanos >= _plan.EndNanos)
        {
            _finished = true;
            _scratch.Clear();
            _composer.ComposeFinale(_random, _scratch);
            var at = Math.Max(_plan.StartNanos, _plan.EndNanos - NanosPerMilli);
            var replica = _plan.Replicas[0];
            foreach (var composed in _scratch)
            {
                _pending.Enqueue(Stamp(composed, at, replica));
            }

            return;
        }

        var roll = _random.NextDouble();
        if (_plan.Bursts && roll < PageBurstChance)
        {
            // Larger than a page (1000): a client that does not page within one poll drops lines here.
            EnqueueBurst(_random.Next(1500, 3001), _random.Next(2, 6) * NanosPerMilli);
        }
        else if (_plan.Bursts && roll < PageBurstChance + SmallBurstChance)
        {
            // Hundreds of lines inside one millisecond (the next whole one, so the burst never goes back in time):
            // a cursor in milliseconds cannot split them.
            var remainder = _nextEventNanos % NanosPerMilli;
            _nextEventNanos += remainder == 0 ? 0 : NanosPerMilli - remainder;
            EnqueueBurst(_random.Next(100, 401), NanosPerMilli - 1);
        }
        else
        {
            _scratch.Clear();
            _composer.Compose(_random, _nextEventNanos, _scratch);
            var replica = PickReplica();
            foreach (var composed in _scratch)
            {
                _pending.Enqueue(Stamp(composed, _nextEventNanos, replica));
            }
        }

        _nextEventNanos += NextGapNanos();
    }

    private void EnqueueBurst(int count, long spanNanos)
    {
        var replica = PickReplica();
        var step = Math.Max(1, spanNanos / count);
        var at = _nextEventNanos;
        for (var i = 0; i < count && at < _plan.EndNanos; i++)
        {
            _pending.Enqueue(Stamp(_composer.ComposeBurstLine(_random, i, count), at, replica));
            // Now and then two lines share one nanosecond: ties must keep their order.
            at += _random.Next(8) == 0 ? 0 : step;
        }

        _nextEventNanos = at;
    }

    private long NextGapNanos()
    {
        // Exponential gaps: a Poisson stream at the planned rate.
        var mean = NanosPerSecond / Math.Max(0.001, _plan.LinesPerSecond);
        var gap = -Math.Log(1 - _random.NextDouble()) * mean;
        return Math.Max(1, (long)Math.Min(gap, 3600.0 * NanosPerSecond));
    }

    private string PickReplica() => _plan.Replicas[_random.Next(_plan.Replicas.Count)];

    private SimulatedLine Stamp(ComposedLine composed, long timestampNanos, string replica)
    {
        var lagTicks = _plan.IngestionLagMax <= _plan.IngestionLagMin
            ? _plan.IngestionLagMin.Ticks
            : _plan.IngestionLagMin.Ticks + _random.NextInt64(_plan.IngestionLagMax.Ticks - _plan.IngestionLagMin.Ticks + 1);
        // A line is visible no earlier than the tick its timestamp falls in (ticks are 100 ns).
        var visibleAt = DateTimeOffset.UnixEpoch.AddTicks((timestampNanos + 99) / 100 + lagTicks);
        return new SimulatedLine(timestampNanos, composed.Text, replica, composed.RequestId, composed.Level, visibleAt);
    }
}
