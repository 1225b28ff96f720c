namespace LogViewer.Simulator.Tests.Logs;

public sealed class LineTextTests
{
    private static readonly DateTimeOffset Now = ManualTimeProvider.DefaultStart;

    [Fact]
    public void A_Deferred_Message_Is_Written_Once_On_First_Read_And_Equals_The_Same_Line_Given_As_Text()
    {
        // Given a line whose text is written later, and the same line given as a string
        var writes = 0;
        var deferred = new SimulatedLine(42, LineText.Later(6, six => { writes++; return $"step={six * 7}"; }), "abcde", null, "INFO", Now);
        var given = new SimulatedLine(42, "step=42", "abcde", null, "INFO", Now);

        // Then nothing is written until the message is read, and then only once
        Assert.Equal(0, writes);
        Assert.Equal("step=42", deferred.Message);
        Assert.Equal("step=42", deferred.Message);
        Assert.Equal(1, writes);
        Assert.Equal(given, deferred);
        Assert.Equal(given.GetHashCode(), deferred.GetHashCode());
        Assert.NotEqual(given, new SimulatedLine(42, "step=43", "abcde", null, "INFO", Now));
    }

    [Fact]
    public void Threads_Reading_A_Deferred_Message_At_Once_All_See_Its_Text()
    {
        // Given many lines whose writers are slow enough for readers to overlap
        for (var round = 0; round < 200; round++)
        {
            var line = new SimulatedLine(round, LineText.Later("written", static text => { Thread.SpinWait(2000); return text; }), null, null, null, Now);
            using var start = new Barrier(4);

            // When four threads (their own, not the pool's, so the barrier cannot starve it) read it at the same moment
            var reads = new string[4];
            var threads = Enumerable.Range(0, reads.Length).Select(i => new Thread(() =>
            {
                start.SignalAndWait();
                reads[i] = line.Message;
            })).ToList();
            threads.ForEach(thread => thread.Start());
            threads.ForEach(thread => thread.Join());

            // Then every one of them gets the text
            Assert.All(reads, read => Assert.Equal("written", read));
        }
    }
}
