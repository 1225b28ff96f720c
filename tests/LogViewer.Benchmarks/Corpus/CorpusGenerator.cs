using System.Globalization;
using System.Text;
using LogViewer.Core.Model;

namespace LogViewer.Benchmarks.Corpus;

/// <summary>
/// A deterministic stream of log lines like the simulator's: training steps with loss and learning rate, tqdm
/// progress bars, checkpoints, NCCL chatter, tracebacks, inference requests with ids, JSON lines, some unicode;
/// eight 5-character replicas; levels including none; by default 1% of lines late by up to 2 s.
/// </summary>
internal sealed class CorpusGenerator(int seed = 42, double lateFraction = 0.01)
{
    private const long StartNanos = 1_732_300_000_000_000_000;
    private static readonly string[] ReplicaIds = ["a7k2p", "b3m9q", "c8n4r", "d1x6s", "e5v0t", "f2w7u", "g9y3v", "h4z8w"];
    private static readonly string[] Unicode =
    [
        "données chargées ✓ en 3.2 s",
        "模型加载完成，耗时 12 秒",
        "Größe des Batches angepasst: 32 → 16",
        "🚀 deployment ready, serving on :8080",
        "предупреждение: медленный диск /mnt/ckpt",
    ];

    private static readonly string[] Traceback =
    [
        "Traceback (most recent call last):",
        "  File \"/app/model/model.py\", line 88, in predict",
        "    outputs = self._pipeline(inputs, max_new_tokens=max_tokens)",
        "  File \"/usr/local/lib/python3.11/site-packages/transformers/pipelines/base.py\", line 1243, in __call__",
        "torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 1.50 GiB. GPU 0 has a total capacity of 79.14 GiB",
    ];

    private readonly Random _random = new(seed);
    private long _now = StartNanos;
    private int _step;
    private double _loss = 3.2;
    private string _requestId = "";
    private int _requestLinesLeft;
    private int _tracebackLine = -1;

    public IEnumerable<LogEntry> Generate(int count)
    {
        for (var i = 0; i < count; i++)
        {
            yield return Next();
        }
    }

    public LogEntry Next()
    {
        _now += _random.Next(1, 400_000);
        var timestamp = _random.NextDouble() < lateFraction ? _now - _random.Next(1, 2_000_000_000) : _now;
        var replica = ReplicaIds[_random.Next(ReplicaIds.Length)];
        if (_tracebackLine >= 0)
        {
            var line = Traceback[_tracebackLine];
            _tracebackLine = _tracebackLine + 1 == Traceback.Length ? -1 : _tracebackLine + 1;
            return new LogEntry(timestamp, line, replica, RequestId(), LogLevel.Error);
        }

        var inv = CultureInfo.InvariantCulture;
        var roll = _random.Next(100);
        switch (roll)
        {
            case < 30:
                _step++;
                _loss = Math.Max(0.05, (_loss * (0.9995 + (_random.NextDouble() * 0.0008))) - 0.0001);
                return new LogEntry(timestamp, string.Create(inv, $"step={_step} epoch={(_step / 1000) + 1} loss={_loss:F4} lr={3e-4 * Math.Min(1.0, (_step + 1) / 200.0):E2} grad_norm={_random.NextDouble() * 2:F3} tokens_per_sec={_random.Next(20000, 90000)}"), replica, null, LogLevel.Info);
            case < 42:
                return new LogEntry(timestamp, ProgressLine(), replica, null, LogLevel.None);
            case < 45:
                return new LogEntry(timestamp, string.Create(inv, $"Saving checkpoint to /mnt/ckpt/checkpoint-{_step} ... saved ({_random.Next(2, 40)}.{_random.Next(10)} GB in {_random.Next(3, 90)}s)"), replica, null, LogLevel.Info);
            case < 50:
                return new LogEntry(timestamp, string.Create(inv, $"NCCL INFO Channel {_random.Next(32):D2}/32 : {_random.Next(8)}[{_random.Next(8)}] -> {_random.Next(8)}[{_random.Next(8)}] via P2P/IPC/read"), replica, null, LogLevel.Debug);
            case < 53:
                return new LogEntry(timestamp, string.Create(inv, $"CUDA memory usage high: {_random.Next(70, 80)}.{_random.Next(10)} GiB of 79.1 GiB allocated; consider lowering micro_batch_size"), replica, null, LogLevel.Warning);
            case < 70:
                return new LogEntry(timestamp, string.Create(inv, $"Completed request in {_random.Next(8, 900)}ms: prompt_tokens={_random.Next(10, 4000)} completion_tokens={_random.Next(1, 1024)}"), replica, RequestId(), LogLevel.Info);
            case < 78:
                return new LogEntry(timestamp, string.Create(inv, $"Received POST /v1/predict (content-length {_random.Next(100, 90000)})"), replica, RequestId(), LogLevel.Info);
            case < 83:
                return new LogEntry(timestamp, string.Create(inv, $"{{\"event\":\"metrics\",\"step\":{_step},\"gpu_util\":{_random.NextDouble():F2},\"mem_gb\":{_random.Next(10, 80)},\"ok\":true}}"), replica, null, LogLevel.None);
            case < 86:
                return new LogEntry(timestamp, string.Create(inv, $"Request queue depth {_random.Next(33, 200)} exceeds concurrency target 32"), replica, null, LogLevel.Warning);
            case < 87:
                _tracebackLine = 1;
                return new LogEntry(timestamp, Traceback[0], replica, RequestId(), LogLevel.Error);
            case < 89:
                return new LogEntry(timestamp, Unicode[_random.Next(Unicode.Length)], replica, null, LogLevel.Info);
            default:
                return new LogEntry(timestamp, string.Create(inv, $"{_random.Next(1, 255)}.{_random.Next(256)}.{_random.Next(256)}.{_random.Next(256)} - \"GET /health HTTP/1.1\" 200"), replica, null, LogLevel.None);
        }
    }

    private string RequestId()
    {
        if (_requestLinesLeft-- <= 0)
        {
            _requestId = string.Create(16, _random, static (span, random) =>
            {
                for (var i = 0; i < span.Length; i++)
                {
                    span[i] = "0123456789abcdef"[random.Next(16)];
                }
            });
            _requestLinesLeft = _random.Next(2, 8);
        }

        return _requestId;
    }

    private string ProgressLine()
    {
        var builder = new StringBuilder();
        var done = _step % 1000;
        for (var update = 0; update < 2; update++)
        {
            var current = Math.Min(1000, done + update);
            builder.Append(CultureInfo.InvariantCulture, $"Epoch {(_step / 1000) + 1}: {current / 10,3}%|{new string('#', current / 100),-10}| {current}/1000 [00:{_random.Next(60):D2}<00:{_random.Next(60):D2}, {_random.Next(10, 60)}.{_random.Next(10)}it/s]\r");
        }

        return builder.ToString();
    }
}
