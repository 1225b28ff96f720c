using BenchmarkDotNet.Running;
using LogViewer.Benchmarks;

// Console modes besides BenchmarkDotNet: a memory measurement, a jsonl corpus and a paced simulator for whole-process runs.
return args switch
{
    ["memory", ..] => ConsoleModes.Memory(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1_000_000),
    ["quick", ..] => QuickTimings.Run(),
    ["quick-metrics"] => QuickTimings.Metrics(),
    ["quick-pipeline", var late, var runs] => QuickTimings.PipelineOnly(
        double.Parse(late, System.Globalization.CultureInfo.InvariantCulture), int.Parse(runs, System.Globalization.CultureInfo.InvariantCulture)),
    ["quick-ingest", var late] => QuickTimings.IngestOnly(double.Parse(late, System.Globalization.CultureInfo.InvariantCulture)),
    ["paced-simulator", var rate] => await PacedSimulator.RunAsync(double.Parse(rate, System.Globalization.CultureInfo.InvariantCulture), TimeSpan.FromMinutes(1)),
    ["paced-simulator", var rate, var historyMinutes] => await PacedSimulator.RunAsync(
        double.Parse(rate, System.Globalization.CultureInfo.InvariantCulture),
        TimeSpan.FromMinutes(double.Parse(historyMinutes, System.Globalization.CultureInfo.InvariantCulture))),
    ["generate-jsonl", var path, ..] => ConsoleModes.GenerateJsonl(path, args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 1_000_000),
    _ => RunBenchmarks(args),
};

static int RunBenchmarks(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(ConsoleModes).Assembly).Run(args);
    return 0;
}
