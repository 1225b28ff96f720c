using System.Globalization;

namespace LogViewer.Simulator.Logs;

/// <summary>What a model deployment prints: inference requests with their ids, warnings, tracebacks, raw prints.</summary>
internal sealed class DeploymentComposer : ILineComposer
{
    private const string Hex = "0123456789abcdef";
    private string _requestId = "";
    private int _requestLinesLeft;

    public void Compose(Random random, long timestampNanos, List<ComposedLine> into)
    {
        var requestId = CurrentRequestId(random);
        if (SpecialLines.Maybe(random, requestId) is { } special)
        {
            into.Add(special);
            return;
        }

        var roll = random.Next(100);
        switch (roll)
        {
            case < 40:
                {
                    // Each case draws its values first, in the order the text uses them, and writes the text when it is read.
                    var (took, prompt, completion) = (random.Next(8, 900), random.Next(10, 4000), random.Next(1, 1024));
                    into.Add(new ComposedLine(LineText.Later((took, prompt, completion), static v => string.Create(CultureInfo.InvariantCulture, $"Completed request in {v.took}ms: prompt_tokens={v.prompt} completion_tokens={v.completion}")), "INFO", requestId));
                    break;
                }

            case < 55:
                {
                    var length = random.Next(100, 90000);
                    into.Add(new ComposedLine(LineText.Later(length, static v => string.Create(CultureInfo.InvariantCulture, $"Received POST /v1/predict (content-length {v})")), "INFO", requestId));
                    break;
                }

            case < 67:
                {
                    var (running, waiting, cache) = (random.Next(0, 64), random.Next(0, 20), random.NextDouble());
                    into.Add(new ComposedLine(LineText.Later((running, waiting, cache), static v => string.Create(CultureInfo.InvariantCulture, $"batch scheduler: running={v.running} waiting={v.waiting} kv_cache_usage={v.cache:P1}")), "DEBUG", null));
                    break;
                }

            case < 75:
                {
                    var depth = random.Next(33, 200);
                    into.Add(new ComposedLine(LineText.Later(depth, static v => string.Create(CultureInfo.InvariantCulture, $"Request queue depth {v} exceeds concurrency target 32")), "WARNING", null));
                    break;
                }

            case < 77:
                AddTraceback(random, requestId, into);
                break;
            case < 79:
                into.Add(new ComposedLine("Model predict raised: CUDA out of memory. Tried to allocate 2.00 GiB", "ERROR", requestId));
                break;
            default:
                {
                    var (a, b, c, d) = (random.Next(1, 255), random.Next(256), random.Next(256), random.Next(256));
                    into.Add(new ComposedLine(LineText.Later((a, b, c, d), static v => string.Create(CultureInfo.InvariantCulture, $"{v.a}.{v.b}.{v.c}.{v.d} - \"GET /health HTTP/1.1\" 200")), null, null));
                    break;
                }

        }
    }

    public ComposedLine ComposeBurstLine(Random random, int index, int count)
    {
        var (token, logprob) = (random.Next(50000), random.NextDouble() * 4);
        return new(LineText.Later((index, count, token, logprob), static v => string.Create(CultureInfo.InvariantCulture, $"stream chunk {v.index + 1}/{v.count}: token={v.token} logprob=-{v.logprob:F3}")), index % 50 == 0 ? "DEBUG" : null, _requestId.Length > 0 ? _requestId : null);
    }

    public void ComposeFinale(Random random, List<ComposedLine> into)
    {
        // A deployment has no end in the simulation.
    }

    private static void AddTraceback(Random random, string requestId, List<ComposedLine> into)
    {
        string[] lines =
        [
            "Exception while handling request:",
            "Traceback (most recent call last):",
            "  File \"/app/model/model.py\", line 88, in predict",
            "    outputs = self._pipeline(inputs, max_new_tokens=max_tokens)",
            "  File \"/usr/local/lib/python3.11/site-packages/transformers/pipelines/base.py\", line 1243, in __call__",
            "    return self.run_single(inputs, preprocess_params, forward_params, postprocess_params)",
            random.Next(2) == 0
                ? "ValueError: Input length of input_ids is 8193, but `max_length` is set to 8192."
                : "torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 1.50 GiB. GPU 0 has a total capacity of 79.14 GiB",
        ];
        foreach (var line in lines)
        {
            into.Add(new ComposedLine(line, "ERROR", requestId));
        }
    }

    private string CurrentRequestId(Random random)
    {
        if (_requestLinesLeft <= 0)
        {
            Span<char> id = stackalloc char[32];
            for (var i = 0; i < id.Length; i++)
            {
                id[i] = Hex[random.Next(16)];
            }

            _requestId = new string(id);
            _requestLinesLeft = random.Next(1, 5);
        }

        _requestLinesLeft--;
        return _requestId;
    }
}
