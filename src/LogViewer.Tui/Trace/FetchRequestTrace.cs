using LogViewer.Tui.State;

namespace LogViewer.Tui.Trace;

/// <summary>
/// Gather every line of the request: the store's at once, then (for a deployment) the server's over the API's widest
/// window, merged exactly once with them; each step is answered with <see cref="TraceLoaded"/>.
/// </summary>
internal sealed record FetchRequestTrace(string RequestId) : ViewerEffect;
