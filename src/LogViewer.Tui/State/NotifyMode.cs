namespace LogViewer.Tui.State;

/// <summary>Which lifecycle changes ring the bell and send a desktop notification (<c>--notify</c>).</summary>
public enum NotifyMode
{
    /// <summary>None.</summary>
    Never,

    /// <summary>A training job's end, and a deployment becoming unhealthy, failed or scaled to zero (the default).</summary>
    End,

    /// <summary>As <see cref="End"/>; the error-surge rule is to join it.</summary>
    Errors,

    /// <summary>Every change of the job's or the deployment's status.</summary>
    Always,
}
