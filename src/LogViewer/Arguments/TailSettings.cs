using LogViewer.Core.Credentials;
using LogViewer.Core.Tail;

namespace LogViewer.Arguments;

/// <summary>Everything a tail command needs, checked: where to connect, how to tail, how to show it.</summary>
internal sealed record TailSettings(ConnectionRequest Connection, TailOptions Tail, OutputKind Output, DisplaySettings Display)
{
    /// <summary>Neither <c>--since</c>, <c>--from</c> nor <c>--to</c> was given: the window is the default one.</summary>
    public bool DefaultRange { get; init; }
}
