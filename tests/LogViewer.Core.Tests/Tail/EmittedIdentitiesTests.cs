using LogViewer.Core.Model;
using LogViewer.Core.Tail;

namespace LogViewer.Core.Tests.Tail;

public sealed class EmittedIdentitiesTests
{
    private static LogEntry Entry(long nanos, string message = "m", string? replica = "r1", string? requestId = null, LogLevel level = LogLevel.Info) =>
        new(nanos, message, replica, requestId, level);

    [Fact]
    public void Overlapping_Reads_Take_The_Largest_Count_Not_The_Sum()
    {
        // Given a read with a line twice, then a read with the same line three times (a page that saw more)
        var identities = new EmittedIdentities();
        var line = Entry(5);

        // When both are admitted, then the first again
        var first = identities.Admit([line, line]);
        var second = identities.Admit([line, line, line]);
        var third = identities.Admit([line, line]);

        // Then 2 + 1 + 0 copies come out: three in total, as many as one read held at most
        Assert.Equal((2, 1, 0), (first.Count, second.Count, third.Count));
    }

    [Fact]
    public void Lines_Differing_In_Any_Identity_Field_Are_Different_Lines()
    {
        var identities = new EmittedIdentities();
        LogEntry[] read =
        [
            Entry(1), Entry(2), Entry(1, message: "other"), Entry(1, replica: null), Entry(1, requestId: "q"), Entry(1, level: LogLevel.Error),
        ];

        Assert.Equal(read, identities.Admit(read));
        Assert.Empty(identities.Admit(read));
    }

    [Fact]
    public void Fresh_Lines_Keep_The_Order_Of_The_Read()
    {
        var identities = new EmittedIdentities();
        identities.Admit([Entry(1, "a"), Entry(2, "b")]);

        var fresh = identities.Admit([Entry(1, "a"), Entry(2, "b"), Entry(2, "c"), Entry(3, "a"), Entry(3, "a")]);

        Assert.Equal([Entry(2, "c"), Entry(3, "a"), Entry(3, "a")], fresh);
    }

    [Fact]
    public void Forgetting_Drops_Only_Identities_Older_Than_The_Horizon()
    {
        // Given lines at 10, 20 and 30 ns
        var identities = new EmittedIdentities();
        identities.Admit([Entry(10), Entry(20), Entry(20, "again"), Entry(30)]);

        // When everything before 20 is forgotten
        identities.ForgetBefore(20);

        // Then only the line at 10 would be new again
        Assert.Equal(3, identities.Count);
        Assert.Equal([Entry(10)], identities.Admit([Entry(10), Entry(20), Entry(30)]));
    }

    [Fact]
    public void Copies_Apart_In_An_Unordered_Read_Are_Counted_Together()
    {
        // Given a read out of timestamp order with one line twice, not adjacent
        var identities = new EmittedIdentities();
        LogEntry[] read = [Entry(5, "x"), Entry(3), Entry(5, "x"), Entry(4)];

        // When it is admitted, then again with three copies
        var first = identities.Admit(read);
        var second = identities.Admit([Entry(5, "x"), Entry(1), Entry(5, "x"), Entry(5, "x")]);

        // Then both copies come out first, then only the third copy and the new line
        Assert.Equal(read, first);
        Assert.Equal([Entry(1), Entry(5, "x")], second);
    }

    [Fact]
    public void Copies_In_An_Ordered_Read_Are_Counted_Within_Their_Nanosecond()
    {
        // Given an ordered read where equal lines sit inside a run of one nanosecond, next to other lines
        var identities = new EmittedIdentities();
        LogEntry[] read = [Entry(1), Entry(2, "a"), Entry(2, "b"), Entry(2, "a"), Entry(3), Entry(3)];

        // When it is admitted twice
        var first = identities.Admit(read);
        var second = identities.Admit(read);

        // Then every copy comes out once
        Assert.Equal(read, first);
        Assert.Empty(second);
    }

    [Fact]
    public void Thousands_Of_Distinct_Lines_In_One_Nanosecond_Are_Each_Emitted_Once()
    {
        // Given 5,000 distinct lines of one length sharing one nanosecond, each twice, and a page that held half of them
        var identities = new EmittedIdentities();
        var lines = Enumerable.Range(0, 5000).Select(i => Entry(7, $"step {i:D5} done")).ToList();
        var read = lines.Concat(lines).ToList();

        // When the half page is admitted, then the full read, then the full read again
        var first = identities.Admit(lines[..2500]);
        var second = identities.Admit(read);
        var third = identities.Admit(read);

        // Then the first half comes out, then the rest of the first copies and all second copies, then nothing
        Assert.Equal(lines[..2500], first);
        Assert.Equal(lines[2500..].Concat(lines), second);
        Assert.Empty(third);
        Assert.Equal(5000, identities.Count);
    }

    [Fact]
    public void Forgetting_Keeps_Late_Lines_Until_Their_Own_Timestamp_Passes_The_Horizon()
    {
        // Given lines emitted out of timestamp order: 100, then a late 10, then 50, then a late 20
        var identities = new EmittedIdentities();
        identities.Admit([Entry(100), Entry(10)]);
        identities.Admit([Entry(50), Entry(20)]);

        // When everything before 30 is forgotten
        identities.ForgetBefore(30);

        // Then exactly the lines at 10 and 20 are new again, and 50 and 100 are still known
        Assert.Equal(2, identities.Count);
        Assert.Equal([Entry(10), Entry(20)], identities.Admit([Entry(10), Entry(20), Entry(50), Entry(100)]));

        // And a later horizon forgets the newer lines even though a late line was emitted after them
        identities.ForgetBefore(101);
        Assert.Equal(0, identities.Count);
    }

    [Fact]
    public void Matches_A_Plain_Reference_Under_Random_Repeats_Lateness_And_Forgetting()
    {
        // Given random reads of lines that run forward in time, some late by up to 50 ns, some repeated, and a rising horizon
        var random = new Random(42);
        var identities = new EmittedIdentities();
        var reference = new Dictionary<LogEntry, int>();
        long now = 0;
        for (var round = 0; round < 500; round++)
        {
            var read = Enumerable.Range(0, random.Next(0, 20))
                .Select(_ => Entry(random.Next(4) == 0 ? now - random.Next(50) : now += random.Next(3), $"m{random.Next(3)}"))
                .ToList();

            // When each read is admitted and everything older than 40 ns is forgotten
            var fresh = identities.Admit(read);
            var horizon = now - 40;
            identities.ForgetBefore(horizon);

            // Then the fresh lines and the remembered count are those of the plain definition
            var copiesInRead = new Dictionary<LogEntry, int>();
            var expected = new List<LogEntry>();
            foreach (var entry in read)
            {
                var copy = copiesInRead[entry] = copiesInRead.GetValueOrDefault(entry) + 1;
                if (copy > reference.GetValueOrDefault(entry))
                {
                    reference[entry] = copy;
                    expected.Add(entry);
                }
            }

            foreach (var old in reference.Keys.Where(e => e.TimestampNanos < horizon).ToList())
            {
                reference.Remove(old);
            }

            Assert.Equal(expected, fresh);
            Assert.Equal(reference.Count, identities.Count);
        }
    }
}
