namespace LogViewer.Simulator.Logs;

/// <summary>Writes the text of a target's lines: what a deployment or a training job would print.</summary>
internal interface ILineComposer
{
    /// <summary>
    /// One event at <paramref name="timestampNanos"/>: usually one line, several for a traceback (they share the
    /// event's timestamp, as a logger flushing one record does).
    /// </summary>
    void Compose(Random random, long timestampNanos, List<ComposedLine> into);

    /// <summary>One line of a burst (a flood of similar lines, e.g. a dump or a request storm).</summary>
    ComposedLine ComposeBurstLine(Random random, int index, int count);

    /// <summary>What is printed just before the source ends (a job finishing or failing); nothing for endless sources.</summary>
    void ComposeFinale(Random random, List<ComposedLine> into);
}
