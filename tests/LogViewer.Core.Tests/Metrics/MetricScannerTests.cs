using LogViewer.Core.Metrics;

namespace LogViewer.Core.Tests.Metrics;

public sealed class MetricScannerTests
{
    private static List<(string Key, double Value)> Read(string message) =>
        [.. MetricScanner.Read(message).Select(r => (r.Key, r.Value))];

    private static long StepOf(string message)
    {
        new MetricScanner().Scan(System.Text.Encoding.UTF8.GetBytes(message), new MetricReading[MetricScanner.MaxReadingsPerLine], out var step);
        return step;
    }

    [Fact]
    public void The_Training_Step_Line_Yields_Every_Key_With_Its_Value_And_The_Step()
    {
        var message = "step=1200 epoch=2 loss=0.4182 lr=2.00E-05 grad_norm=1.234 tokens_per_sec=45678";

        Assert.Equal(
            [("step", 1200), ("epoch", 2), ("loss", 0.4182), ("lr", 2.00E-05), ("grad_norm", 1.234), ("tokens_per_sec", 45678)],
            Read(message));
        Assert.Equal(1200, StepOf(message));
    }

    [Theory]
    [InlineData("loss: 0.52", "loss", 0.52)]
    [InlineData("Loss = 3.25 at the end", "Loss", 3.25)]
    [InlineData("{\"loss\": 1.5, \"acc\": 90}", "loss", 1.5)]
    [InlineData("delta=-0.5", "delta", -0.5)]
    [InlineData("x=+2.5e3", "x", 2500)]
    [InlineData("lr=3e-4", "lr", 3e-4)]
    [InlineData("ratio=.25", "ratio", 0.25)]
    [InlineData("took=12ms", "took", 12)]
    [InlineData("gpu_util=87%", "gpu_util", 87)]
    [InlineData("mem: 3.2GB free", "mem", 3.2)]
    [InlineData("(acc=0.91)", "acc", 0.91)]
    [InlineData("done, loss=0.3.", "loss", 0.3)]
    [InlineData("--lr=0.1", "lr", 0.1)]
    [InlineData("train/loss=2.5", "train/loss", 2.5)]
    [InlineData("eval.acc=0.7 |", "eval.acc", 0.7)]
    public void A_Key_And_Number_Is_Read_In_Each_Form(string message, string key, double value)
    {
        Assert.Equal((key, value), Read(message)[0]);
    }

    [Theory]
    [InlineData("at 12:30:45 the job started")]
    [InlineData("time: 12:30:45")]
    [InlineData("listening on localhost:8080")]
    [InlineData("std::vector<int>")]
    [InlineData("version=1.2.3")]
    [InlineData("date: 2024-01-02")]
    [InlineData("addr=0x1f")]
    [InlineData("progress=10/100")]
    [InlineData("loss=nan")]
    [InlineData("loss=inf")]
    [InlineData("loss=")]
    [InlineData("loss=-")]
    [InlineData("torch==2.5.1")]
    [InlineData("if a >= 3 or b != 2")]
    [InlineData("Epoch 1: 45%")]
    [InlineData("x=1e999")]
    [InlineData("ip=10.0.0.1")]
    [InlineData("plain text without numbers")]
    [InlineData("")]
    public void Text_That_Is_Not_A_Reading_Yields_Nothing(string message)
    {
        Assert.Empty(Read(message));
    }

    [Fact]
    public void A_Tqdm_Line_Is_Read_In_Its_Last_Carriage_Return_Segment()
    {
        var message = "Epoch 1:  45%|####      | 450/1000 [00:30<00:37, 12.3it/s]\rEpoch 1:  45%|####      | 451/1000 [00:31<00:36, 14.5it/s]\r";

        Assert.Equal([("it/s", 14.5)], Read(message));
    }

    [Fact]
    public void Seconds_Per_Iteration_Is_Charted_As_Iterations_Per_Second()
    {
        var reading = Assert.Single(Read("eval: 10/40 [00:20<01:00, 2.00s/it]"));

        Assert.Equal(("it/s", 0.5), reading);
    }

    [Fact]
    public void Tqdm_Postfix_Values_Are_Read_With_The_Rate()
    {
        Assert.Equal([("it/s", 3.1), ("loss", 0.25)], Read("100%|##########| 10/10 [00:03<00:00, 3.1it/s, loss=0.25]"));
    }

    [Fact]
    public void Escape_Sequences_Around_Keys_And_Values_Are_Skipped()
    {
        Assert.Equal([("loss", 0.5), ("lr", 0.001)], Read("\u001b[1;32mloss\u001b[0m=0.5 \u001b]0;title\u0007lr=\u001b[33m0.001\u001b[0m"));
    }

    [Fact]
    public void The_First_Value_Of_A_Key_In_A_Line_Wins()
    {
        Assert.Equal([("loss", 1.0), ("acc", 2.0)], Read("loss=1 loss=5 acc=2"));
    }

    [Fact]
    public void A_Step_That_Is_Not_A_Whole_Number_Is_Read_But_Is_Not_The_Line_Step()
    {
        Assert.Equal(-1, StepOf("step=1.5 loss=2"));
        Assert.Equal(-1, StepOf("step=-3 loss=2"));
        Assert.Equal(7, StepOf("Step: 7, loss: 2"));
    }

    [Fact]
    public void No_More_Readings_Than_The_Buffer_Holds_Are_Written()
    {
        var message = string.Join(' ', Enumerable.Range(0, 40).Select(i => $"k{i}={i}"));
        var into = new MetricReading[5];

        var count = new MetricScanner().Scan(System.Text.Encoding.UTF8.GetBytes(message), into, out _);

        Assert.Equal(5, count);
        Assert.Equal(new MetricReading("k4", 4), into[4]);
    }

    [Fact]
    public void Keys_Are_Interned_So_Every_Line_Hands_Out_The_Same_String()
    {
        var scanner = new MetricScanner();
        var first = new MetricReading[4];
        var second = new MetricReading[4];

        scanner.Scan("loss=1"u8, first, out _);
        scanner.Scan("loss=2"u8, second, out _);

        Assert.Same(first[0].Key, second[0].Key);
    }

    [Fact]
    public void Keys_Longer_Than_The_Limit_Are_Not_Read()
    {
        Assert.Empty(Read(new string('k', MetricScanner.MaxKeyLength + 1) + "=1"));
        Assert.Single(Read(new string('k', MetricScanner.MaxKeyLength) + "=1"));
    }

    [Fact]
    public void Non_Ascii_Text_Around_Readings_Does_Not_Disturb_Them()
    {
        Assert.Equal([("loss", 0.5)], Read("日本語 ✓ loss=0.5 ünïcode"));
    }
}
