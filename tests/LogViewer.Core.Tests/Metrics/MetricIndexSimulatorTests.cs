using System.Globalization;
using System.Text.RegularExpressions;
using LogViewer.Core.Metrics;
using LogViewer.Core.Model;
using LogViewer.Core.Store;
using LogViewer.Simulator;
using LogViewer.Simulator.Hosting;

namespace LogViewer.Core.Tests.Metrics;

/// <summary>The simulated training job's lines, as its server holds them: the loss charted per step is what the generator wrote.</summary>
public sealed partial class MetricIndexSimulatorTests : IAsyncLifetime
{
    private SimulatorServer _server = null!;

    public async Task InitializeAsync() =>
        _server = await SimulatorServer.StartAsync(new SimulatorOptions { History = TimeSpan.FromMinutes(30), LinesPerSecond = 5, Bursts = false }, CancellationToken.None);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [GeneratedRegex(@"^step=(\d+) epoch=\d+ loss=(\d+\.\d{4}) lr=")]
    private static partial Regex StepLine();

    [Fact]
    public void The_Loss_Of_Every_Step_Of_Every_Replica_Is_What_The_Generator_Wrote()
    {
        // Given: the job's ground truth, in batches as a tail would bring them (newest first, then older history)
        var truth = _server.GroundTruth(SimulatorCatalog.DemoTrainingJobLogsPath);
        var entries = truth.Select(l => new LogEntry(l.TimestampNanos, l.Message, l.Replica, l.RequestId, LogLevels.FromApi(l.Level))).ToList();
        var expected = truth
            .Select(l => (Line: l, Match: StepLine().Match(l.Message)))
            .Where(x => x.Match.Success)
            .Select(x => (x.Line.Replica, Step: long.Parse(x.Match.Groups[1].Value, CultureInfo.InvariantCulture), Loss: double.Parse(x.Match.Groups[2].Value, CultureInfo.InvariantCulture)))
            .ToList();
        Assert.True(expected.Count > 500, $"only {expected.Count} step lines");
        Assert.True(expected.Select(e => e.Replica).Distinct().Count() > 1);

        var store = new LogStore();
        using var index = new MetricIndex(store, pointsPerSeries: 1_000_000);
        var half = entries.Count / 2;
        store.Add(entries[half..]);
        foreach (var page in entries[..half].Chunk(1000).Reverse())
        {
            store.Add(page);
        }

        // Then: one series per replica, by step, holding exactly the generator's loss for each step
        var chart = index.Read("loss")!;
        Assert.True(chart.BySteps);
        var charted = chart.Series.SelectMany(s => s.Points.Select(p => (s.Replica, p.Step, Loss: p.Last))).OrderBy(p => p.Step).ToList();
        Assert.Equal(expected.OrderBy(e => e.Step).ToList(), charted);

        // And: the tqdm rate and the other keys of the step line were found too
        Assert.Contains(index.Keys, k => k.Key == MetricScanner.IterationsPerSecond && k.Lines > 100);
        Assert.Equal(expected.Count, index.Keys.Single(k => k.Key == "grad_norm").Lines);
    }
}
