using LogViewer.Core.Decoding;

namespace LogViewer.Core.Replay;

/// <summary>
/// What loading a jsonl file did: lines read (blank ones included), entries loaded, lines skipped as malformed, and
/// what decoding cost by kind (skip reasons; entries kept with their invalid text shown as U+FFFD).
/// </summary>
public sealed record JsonlLoadResult(long Lines, long Loaded, long Malformed, DecodeReport Problems);
