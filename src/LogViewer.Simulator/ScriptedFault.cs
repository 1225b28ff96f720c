namespace LogViewer.Simulator;

/// <summary>
/// One answer in a fault script (<see cref="SimulatorFaults.Script"/>): log requests take them in order, one each,
/// so a test proves every fault was met by counting requests instead of sleeping while random ones might happen.
/// </summary>
public enum ScriptedFault
{
    /// <summary>Answered normally (a good answer between faults resets the client's backoff, as in life).</summary>
    None,

    /// <summary>429 with <c>Retry-After</c> in the header and <c>retry_after</c> in the body.</summary>
    RateLimitedWithHeader,

    /// <summary>429 with only the body's <c>retry_after</c>.</summary>
    RateLimitedInBody,

    /// <summary>A gateway's HTML 502 page.</summary>
    Html502,

    /// <summary>A JSON 500.</summary>
    ServerError500,

    /// <summary>A JSON 503.</summary>
    ServerError503,

    /// <summary>The connection dropped without an answer.</summary>
    ConnectionDropped,
}
