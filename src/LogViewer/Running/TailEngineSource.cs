using System.Reactive.Concurrency;
using LogViewer.Core.Api;
using LogViewer.Core.Model;
using LogViewer.Core.Tail;

namespace LogViewer.Running;

/// <summary>The real event stream: a <see cref="TailEngine"/> polling on the default scheduler.</summary>
internal sealed class TailEngineSource(TimeProvider timeProvider, IScheduler? scheduler = null) : ITailSourceFactory
{
    public IObservable<TailEvent> Create(ILogApi api, LogTarget target, TailOptions options) =>
        new TailEngine(api, target, options, scheduler ?? DefaultScheduler.Instance, timeProvider).Run();
}
