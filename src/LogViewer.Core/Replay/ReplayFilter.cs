using System.Text;
using LogViewer.Core.Filtering;
using LogViewer.Core.Model;

namespace LogViewer.Core.Replay;

/// <summary>
/// A <see cref="LogFilter"/> split as <see cref="LogFilter.CompileForEntries"/> splits it for the store's views, but
/// judged line by line over <see cref="ReplayLines"/>: text terms report per line which of them hit (an entry passes
/// an include when any of its lines hit it, an exclude when none does), level terms read the entry's highest level (a
/// traceback an error), and replica and request id terms stay per line. Made only for the terms the command line
/// builds; <see cref="TryCompile"/> gives null for any other, and the caller then uses the store.
/// </summary>
internal sealed class ReplayFilter
{
    private readonly LineTest[] _lineTests;
    private readonly MessageTest?[] _texts;
    private readonly bool[] _negated;
    private readonly bool[]?[] _levels;

    private ReplayFilter(LineTest[] lineTests, MessageTest?[] texts, bool[] negated, bool[]?[] levels)
    {
        _lineTests = lineTests;
        _texts = texts;
        _negated = negated;
        _levels = levels;
    }

    /// <summary>True when entries are judged whole (a text or level term); false when each line is judged alone.</summary>
    public bool JudgesEntries => _texts.Length > 0;

    /// <summary>True when some term reads the message.</summary>
    public bool ReadsText => _texts.Any(t => t is not null);

    public static ReplayFilter? TryCompile(LogFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var lineTests = new List<LineTest>();
        var texts = new List<MessageTest?>();
        var negated = new List<bool>();
        var levels = new List<bool[]?>();
        foreach (var term in LogFilter.TermsOf(filter))
        {
            if (term.EntryLevels is { } table)
            {
                texts.Add(null);
                negated.Add(false);
                levels.Add(table);
            }
            else if (term is NotFilter { Inner: { MatchesPerEntry: true, EntryLevels: null } inner })
            {
                if (MessageTest.For(inner) is not { } test)
                {
                    return null;
                }

                texts.Add(test);
                negated.Add(true);
                levels.Add(null);
            }
            else if (term.MatchesPerEntry)
            {
                if (MessageTest.For(term) is not { } test)
                {
                    return null;
                }

                texts.Add(test);
                negated.Add(false);
                levels.Add(null);
            }
            else if (LineTest.For(term) is { } line)
            {
                lineTests.Add(line);
            }
            else
            {
                return null;
            }
        }

        // One bit per entry term in a line's hits.
        return texts.Count > 64 ? null : new ReplayFilter([.. lineTests], [.. texts], [.. negated], [.. levels]);
    }

    /// <summary>Whether the line passes the terms judged per line (replica, request id, time).</summary>
    public bool LinePasses(ReplayLines lines, int line)
    {
        foreach (var test in _lineTests)
        {
            if (!test.Passes(lines, line))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A bit per entry term whose text the line's message holds.</summary>
    public ulong Hits(ReadOnlySpan<byte> message)
    {
        var hits = 0UL;
        for (var t = 0; t < _texts.Length; t++)
        {
            if (_texts[t] is { } test && test.Matches(message))
            {
                hits |= 1UL << t;
            }
        }

        return hits;
    }

    /// <summary>Whether an entry whose lines hit <paramref name="hits"/> and whose highest level is <paramref name="level"/> passes.</summary>
    public bool EntryPasses(ulong hits, LogLevel level)
    {
        for (var t = 0; t < _texts.Length; t++)
        {
            var passes = _levels[t] is { } table ? table[(int)level] : ((hits >> t) & 1) == 1 != _negated[t];
            if (!passes)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>One text term on one message's UTF-8, as the store's compiled predicates match it.</summary>
    private abstract class MessageTest
    {
        public abstract bool Matches(ReadOnlySpan<byte> message);

        public static MessageTest? For(LogFilter term) => term switch
        {
            TextFilter { IgnoreCase: false } text => new Bytes(Encoding.UTF8.GetBytes(text.Text)),
            TextFilter { Text: var text } when Ascii.IsValid(text) => new AsciiAnyCase(text),
            TextFilter { Text: var text } => new Decoded(chars => chars.Contains(text, StringComparison.OrdinalIgnoreCase)),
            RegexFilter regex => new Decoded(chars => regex.Expression.IsMatch(chars)),
            _ => null,
        };

        private sealed class Bytes(byte[] needle) : MessageTest
        {
            public override bool Matches(ReadOnlySpan<byte> message) => needle.Length == 0 || message.IndexOf(needle) >= 0;
        }

        private sealed class AsciiAnyCase(string needle) : MessageTest
        {
            private readonly Utf8Search.Needle _needle = new(Encoding.ASCII.GetBytes(needle), ignoreCase: true);

            public override bool Matches(ReadOnlySpan<byte> message) => _needle.Length == 0 || _needle.IndexIn(message) >= 0;
        }

        private sealed class Decoded(Decoded.CharsTest test) : MessageTest
        {
            private char[] _buffer = new char[1024];

            public delegate bool CharsTest(ReadOnlySpan<char> chars);

            public override bool Matches(ReadOnlySpan<byte> message)
            {
                if (_buffer.Length < message.Length)
                {
                    _buffer = new char[Math.Max(message.Length, _buffer.Length * 2)];
                }

                return test(_buffer.AsSpan(0, Encoding.UTF8.GetChars(message, _buffer)));
            }
        }
    }

    /// <summary>One term judged on each line alone.</summary>
    private abstract class LineTest
    {
        public abstract bool Passes(ReplayLines lines, int line);

        public static LineTest? For(LogFilter term) => term switch
        {
            ReplicaFilter replicas => new Replicas(replicas),
            RequestIdFilter request => new Request(request.RequestId),
            TimeRangeFilter range => new Range(range.FromNanos ?? long.MinValue, range.ToNanos ?? long.MaxValue),
            _ => null,
        };

        private sealed class Replicas(ReplicaFilter filter) : LineTest
        {
            // 0 = not decided yet, 1 = keep, 2 = drop; decided once per replica code.
            private byte[] _decisions = new byte[64];

            public override bool Passes(ReplayLines lines, int line)
            {
                var code = lines.ReplicaCode(line);
                if (code >= _decisions.Length)
                {
                    Array.Resize(ref _decisions, Math.Max(code + 1, _decisions.Length * 2));
                }

                if (_decisions[code] == 0)
                {
                    _decisions[code] = filter.Contains(lines.Replica(line)) != filter.Hide ? (byte)1 : (byte)2;
                }

                return _decisions[code] == 1;
            }
        }

        private sealed class Request(string requestId) : LineTest
        {
            public override bool Passes(ReplayLines lines, int line) => string.Equals(lines.RequestId(line), requestId, StringComparison.Ordinal);
        }

        private sealed class Range(long from, long to) : LineTest
        {
            public override bool Passes(ReplayLines lines, int line) => lines.Timestamp(line) >= from && lines.Timestamp(line) <= to;
        }
    }
}
