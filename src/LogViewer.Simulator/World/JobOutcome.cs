namespace LogViewer.Simulator.World;

/// <summary>How a training job ends, once its RUNNING phase is over.</summary>
internal enum JobOutcome
{
    Completed,
    Failed,
    Stopped,
}
