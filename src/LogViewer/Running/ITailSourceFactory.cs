using LogViewer.Core.Api;
using LogViewer.Core.Model;
using LogViewer.Core.Tail;

namespace LogViewer.Running;

/// <summary>Builds the event stream of a tail: the one place the tail engine is constructed.</summary>
internal interface ITailSourceFactory
{
    IObservable<TailEvent> Create(ILogApi api, LogTarget target, TailOptions options);
}
