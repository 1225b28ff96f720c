namespace LogViewer.Simulator;

/// <summary>
/// Fault injection, changeable while the server runs (thread-safe: each knob is read once per request).
/// Probabilities are 0..1 per request. The rate-limit answer looks exactly like a real 429: the body always
/// carries <c>retry_after</c>, the <c>Retry-After</c> header only when <see cref="RetryAfterInHeader"/>.
/// </summary>
public sealed class SimulatorFaults
{
    private readonly Lock _gate = new();
    private readonly Queue<ScriptedFault> _script = new();
    private SimulatorFaultSettings _settings;

    internal SimulatorFaults(SimulatorFaultSettings initial) => _settings = Validated(initial);

    /// <summary>Chance that a request gets a 429 (on top of the real per-second limit).</summary>
    public double RateLimitProbability { get => Current.RateLimitProbability; set => Update(s => s with { RateLimitProbability = CheckProbability(value) }); }

    /// <summary>Seconds put in <c>retry_after</c> (and the header) of every 429.</summary>
    public int RetryAfterSeconds { get => Current.RetryAfterSeconds; set => Update(s => s with { RetryAfterSeconds = value }); }

    /// <summary>Whether 429s also carry a <c>Retry-After</c> header; the body always has <c>retry_after</c>.</summary>
    public bool RetryAfterInHeader { get => Current.RetryAfterInHeader; set => Update(s => s with { RetryAfterInHeader = value }); }

    /// <summary>Chance of a JSON 500 or 503.</summary>
    public double ServerErrorProbability { get => Current.ServerErrorProbability; set => Update(s => s with { ServerErrorProbability = CheckProbability(value) }); }

    /// <summary>Chance of a gateway's HTML 502 page (content-type text/html).</summary>
    public double Html502Probability { get => Current.Html502Probability; set => Update(s => s with { Html502Probability = CheckProbability(value) }); }

    /// <summary>Chance that an answer is held back for <see cref="SlowDelay"/> before it is sent.</summary>
    public double SlowProbability { get => Current.SlowProbability; set => Update(s => s with { SlowProbability = CheckProbability(value) }); }

    /// <summary>How long a slow answer waits (wall-clock: it exercises the client's real HTTP timeout).</summary>
    public TimeSpan SlowDelay { get => Current.SlowDelay; set => Update(s => s with { SlowDelay = value }); }

    /// <summary>Start of an outage (on the server's TimeProvider); null for none.</summary>
    public DateTimeOffset? OutageStart { get => Current.OutageStart; set => Update(s => s with { OutageStart = value }); }

    /// <summary>Length of the outage; every request inside it fails.</summary>
    public TimeSpan OutageDuration { get => Current.OutageDuration; set => Update(s => s with { OutageDuration = value }); }

    /// <summary>During an outage, drop the connection instead of answering a 503 HTML page.</summary>
    public bool OutageAbortsConnection { get => Current.OutageAbortsConnection; set => Update(s => s with { OutageAbortsConnection = value }); }

    /// <summary>
    /// When above zero, every log request asking for a full page (limit 1000) is answered with one entry making the
    /// answer this many bytes long; smaller limits are answered normally, as a server choking on big pages would.
    /// </summary>
    public long OversizedAnswerBytes { get => Current.OversizedAnswerBytes; set => Update(s => s with { OversizedAnswerBytes = value }); }

    /// <summary>Send the oversized answer gzip-compressed: a gzip bomb, small on the wire, huge once inflated.</summary>
    public bool OversizedAnswerGzip { get => Current.OversizedAnswerGzip; set => Update(s => s with { OversizedAnswerGzip = value }); }

    /// <summary>All knobs at once, as one consistent value.</summary>
    public SimulatorFaultSettings Current
    {
        get { lock (_gate) { return _settings; } }
        set
        {
            var checkedValue = Validated(value);
            lock (_gate)
            {
                _settings = checkedValue;
            }
        }
    }

    /// <summary>Log requests not yet answered from the script.</summary>
    public int ScriptRemaining
    {
        get { lock (_gate) { return _script.Count; } }
    }

    /// <summary>
    /// Queues <paramref name="faults"/>: each following log request takes the next one, before the random knobs are
    /// rolled, until the script is used up.
    /// </summary>
    public void Script(params IEnumerable<ScriptedFault> faults)
    {
        ArgumentNullException.ThrowIfNull(faults);
        lock (_gate)
        {
            foreach (var fault in faults)
            {
                _script.Enqueue(fault);
            }
        }
    }

    /// <summary>Turns every fault off and empties the script.</summary>
    public void Clear()
    {
        Current = new SimulatorFaultSettings();
        lock (_gate)
        {
            _script.Clear();
        }
    }

    /// <summary>The next scripted answer for a log request, or <see cref="ScriptedFault.None"/> when the script is used up.</summary>
    internal ScriptedFault NextScripted()
    {
        lock (_gate)
        {
            return _script.TryDequeue(out var fault) ? fault : ScriptedFault.None;
        }
    }

    private void Update(Func<SimulatorFaultSettings, SimulatorFaultSettings> change)
    {
        lock (_gate)
        {
            _settings = change(_settings);
        }
    }

    private static SimulatorFaultSettings Validated(SimulatorFaultSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        CheckProbability(settings.RateLimitProbability);
        CheckProbability(settings.ServerErrorProbability);
        CheckProbability(settings.Html502Probability);
        CheckProbability(settings.SlowProbability);
        return settings;
    }

    private static double CheckProbability(double value) =>
        value is >= 0 and <= 1 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "A probability is between 0 and 1.");
}
