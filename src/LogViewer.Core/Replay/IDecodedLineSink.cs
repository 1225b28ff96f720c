using LogViewer.Core.Decoding;

namespace LogViewer.Core.Replay;

/// <summary>Where <see cref="JsonlLogReader"/> puts each decoded line: a store's staging, or a filtered replay's lines.</summary>
internal interface IDecodedLineSink
{
    /// <summary>Takes one entry; its message lives only until the next call, so it is copied here.</summary>
    void Add(in DecodedEntry entry);

    /// <summary>The input ended: hand on whatever is still held back.</summary>
    void Flush();
}
