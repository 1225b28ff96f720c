using System.Reactive.Concurrency;
using LogViewer.Core.Api;
using LogViewer.Core.Model;
using LogViewer.Core.Rules;

namespace LogViewer.Core.Tracing;

/// <summary>
/// Reads every line of one request of a deployment from the API: the deployment logs endpoint's <c>request_id</c>
/// parameter over the API's widest window back from now (<see cref="ServerSearch.DefaultDuration"/>, 7 days), newest
/// first and paged as the server search pages, so lines older than anything the viewer loaded are found too.
/// </summary>
public static class RequestTraceFetch
{
    public static Func<string, CancellationToken, Task<ServerSearchResult>> For(ILogApi api, DeploymentTarget target, IScheduler scheduler, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(scheduler);
        return (requestId, cancellationToken) =>
            new ServerSearch(api, target, scheduler, clock).RunAsync(new LogQuery { RequestId = requestId }, ServerSearch.DefaultDuration, null, cancellationToken);
    }
}
