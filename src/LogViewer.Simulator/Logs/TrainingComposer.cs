using System.Globalization;
using System.Text;

namespace LogViewer.Simulator.Logs;

/// <summary>
/// What a training job prints: setup while DEPLOYING; then steps with loss and learning rate, tqdm progress bars
/// (with their carriage returns), checkpoints, NCCL chatter and memory warnings while RUNNING; and its last words.
/// </summary>
internal sealed class TrainingComposer(long runningStartNanos, bool endsInFailure) : ILineComposer
{
    private const int StepsPerEpoch = 1000;
    private static readonly string[] DeployingLines =
    [
        "Pulling image baseten/training-base:cu124-py311",
        "Installing requirements from requirements.txt",
        "Collecting torch==2.5.1 (from -r requirements.txt (line 1))",
        "Downloading dataset shards from s3://training-data/fineweb-edu (128 shards)",
        "Mounting checkpoint volume at /mnt/ckpt",
        "NCCL version 2.21.5+cuda12.4",
        "Waiting for all nodes to join the rendezvous (2/2)",
    ];

    private int _step;
    private double _loss = 3.2;

    public void Compose(Random random, long timestampNanos, List<ComposedLine> into)
    {
        if (timestampNanos < runningStartNanos)
        {
            into.Add(new ComposedLine(DeployingLines[random.Next(DeployingLines.Length)], random.Next(3) == 0 ? null : "INFO", null));
            return;
        }

        if (SpecialLines.Maybe(random, null) is { } special)
        {
            into.Add(special);
            return;
        }

        var roll = random.Next(100);
        switch (roll)
        {
            // Each case draws its values first, in the order the text uses them, and writes the text when it is read.
            case < 45:
                {
                    _step++;
                    _loss = Math.Max(0.05, _loss * (0.9995 + (random.NextDouble() * 0.0008)) - 0.0001);
                    var (step, loss, rate) = (_step, _loss, LearningRate());
                    var (gradNorm, tokens) = (random.NextDouble() * 2, random.Next(20000, 90000));
                    into.Add(new ComposedLine(LineText.Later((step, loss, rate, gradNorm, tokens), static v => string.Create(CultureInfo.InvariantCulture, $"step={v.step} epoch={(v.step / StepsPerEpoch) + 1} loss={v.loss:F4} lr={v.rate:E2} grad_norm={v.gradNorm:F3} tokens_per_sec={v.tokens}")), "INFO", null));
                    break;
                }

            case < 65:
                into.Add(new ComposedLine(ProgressLine(random), null, null));
                break;
            case < 70:
                {
                    var (step, size, tenths, seconds) = (_step, random.Next(2, 40), random.Next(10), random.Next(3, 90));
                    into.Add(new ComposedLine(LineText.Later((step, size, tenths, seconds), static v => string.Create(CultureInfo.InvariantCulture, $"Saving checkpoint to /mnt/ckpt/checkpoint-{v.step} ... saved ({v.size}.{v.tenths} GB in {v.seconds}s)")), "INFO", null));
                    break;
                }

            case < 78:
                {
                    var (channel, a, b, c, d) = (random.Next(32), random.Next(8), random.Next(8), random.Next(8), random.Next(8));
                    into.Add(new ComposedLine(LineText.Later((channel, a, b, c, d), static v => string.Create(CultureInfo.InvariantCulture, $"NCCL INFO Channel {v.channel:D2}/32 : {v.a}[{v.b}] -> {v.c}[{v.d}] via P2P/IPC/read")), "DEBUG", null));
                    break;
                }

            case < 82:
                {
                    var (gib, tenths) = (random.Next(70, 80), random.Next(10));
                    into.Add(new ComposedLine(LineText.Later((gib, tenths), static v => string.Create(CultureInfo.InvariantCulture, $"CUDA memory usage high: {v.gib}.{v.tenths} GiB of 79.1 GiB allocated; consider lowering micro_batch_size")), "WARNING", null));
                    break;
                }

            case < 84:
                into.Add(new ComposedLine("NCCL WARN Call to ibv_reg_mr failed: retrying with smaller chunk size", "WARNING", null));
                break;
            case < 85:
                into.Add(new ComposedLine("Gradient overflow detected; skipping step and halving loss scale", "ERROR", null));
                break;
            default:
                {
                    var (metrics, step) = (random.Next(5, 40), _step);
                    into.Add(new ComposedLine(LineText.Later((metrics, step), static v => string.Create(CultureInfo.InvariantCulture, $"wandb: logged {v.metrics} metrics at step {v.step}")), null, null));
                    break;
                }

        }
    }

    public ComposedLine ComposeBurstLine(Random random, int index, int count)
    {
        var (rank, length) = (random.Next(8), random.Next(16, 4096));
        return new(LineText.Later((rank, index, count, length), static v => string.Create(CultureInfo.InvariantCulture, $"[rank{v.rank}] dataloader worker {v.index % 16}: prefetched sample {v.index + 1}/{v.count} len={v.length}")), index % 100 == 0 ? "DEBUG" : null, null);
    }

    public void ComposeFinale(Random random, List<ComposedLine> into)
    {
        if (!endsInFailure)
        {
            into.Add(new ComposedLine(string.Create(CultureInfo.InvariantCulture, $"Training complete: {_step} steps, final loss {_loss:F4}"), "INFO", null));
            into.Add(new ComposedLine("Uploading final checkpoint to /mnt/ckpt/final ... done", "INFO", null));
            return;
        }

        string[] traceback =
        [
            "Traceback (most recent call last):",
            "  File \"/workspace/train.py\", line 214, in <module>",
            "    trainer.train()",
            "  File \"/workspace/trainer.py\", line 97, in train",
            "    loss.backward()",
            "torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 4.00 GiB. GPU 3 has a total capacity of 79.14 GiB of which 1.02 GiB is free.",
        ];
        foreach (var line in traceback)
        {
            into.Add(new ComposedLine(line, "ERROR", null));
        }

        into.Add(new ComposedLine("Process exited with code 1", null, null));
    }

    private double LearningRate() => 3e-4 * Math.Min(1.0, (_step + 1) / 200.0);

    private LineText ProgressLine(Random random)
    {
        // tqdm redraws in place: several updates separated by carriage returns land in one logged line.
        const int Updates = 3;
        var step = _step;
        var timings = new int[Updates * 4];
        for (var i = 0; i < timings.Length; i += 4)
        {
            (timings[i], timings[i + 1], timings[i + 2], timings[i + 3]) = (random.Next(60), random.Next(60), random.Next(10, 60), random.Next(10));
        }

        return LineText.Later((step, timings), static v =>
        {
            var epoch = (v.step / StepsPerEpoch) + 1;
            var builder = new StringBuilder();
            var done = v.step % StepsPerEpoch;
            for (var update = 0; update < Updates; update++)
            {
                var current = Math.Min(StepsPerEpoch, done + update);
                var percent = current * 100 / StepsPerEpoch;
                var filled = current * 10 / StepsPerEpoch;
                var bar = new string('#', filled).PadRight(10);
                var t = update * 4;
                builder.Append(CultureInfo.InvariantCulture, $"Epoch {epoch}: {percent,3}%|{bar}| {current}/{StepsPerEpoch} [00:{v.timings[t]:D2}<00:{v.timings[t + 1]:D2}, {v.timings[t + 2]}.{v.timings[t + 3]}it/s]");
                builder.Append('\r');
            }

            return builder.ToString();
        });
    }
}
