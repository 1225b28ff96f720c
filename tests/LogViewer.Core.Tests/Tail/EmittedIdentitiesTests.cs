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
}
