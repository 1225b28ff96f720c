using System.Globalization;
using System.Reactive.Linq;
using System.Reactive.Threading.Tasks;
using System.Threading.Channels;
using LogViewer.Arguments;
using LogViewer.Cli;
using LogViewer.Core.Api;
using LogViewer.Core.Filtering;
using LogViewer.Core.Model;
using LogViewer.Core.Output;
using LogViewer.Core.Store;
using LogViewer.Core.Tail;

namespace LogViewer.Output;

/// <summary>
/// The <c>text</c> and <c>jsonl</c> output: lines on stdout, flushed per batch; status changes and warnings on
/// stderr, one line each. Events pass through a channel so that writing happens on one task and Ctrl-C is noticed
/// at once even while the poller is inside a request: on cancellation every batch already received is still
/// written. The exit code comes from how the stream ended: fatal failures map to their code, a training job that
/// ended other than COMPLETED gives 1.
/// </summary>
internal sealed class StreamOutputMode(CliConsole console, TimeZoneInfo zone, OutputKind kind, bool colour) : IOutputMode
{
    public async Task<int> RunAsync(IObservable<TailEvent> events, ViewerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(context);
        var channel = Channel.CreateUnbounded<TailEvent>(new UnboundedChannelOptions { SingleReader = true });
        using var state = new RunState(console, zone, context, kind, colour);
        using (events.Subscribe(
            e => channel.Writer.TryWrite(e),
            error => channel.Writer.TryComplete(error),
            () => channel.Writer.TryComplete()))
        {
            try
            {
                await foreach (var tailEvent in channel.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
                {
                    if (!state.Handle(tailEvent))
                    {
                        break;
                    }
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Interrupted: write out what already arrived, then stop quietly.
                while (channel.Reader.TryRead(out var pending) && state.Handle(pending))
                {
                }

                state.Interrupted();
            }
            catch (LogApiException ex)
            {
                state.Failed(ExitCodes.For(ex.Kind), ex.Message);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                state.Failed(ExitCodes.Failure, ex.Message);
            }
        }

        await FlushAsync().ConfigureAwait(false);
        return state.ExitCode;
    }

    /// <summary>One row of a log read whole, its message as UTF-8 (a store's, a filtered replay's).</summary>
    public delegate Utf8LogRow RowAt(int row);

    /// <summary>Writes the filtered rows straight from the store's UTF-8 (no entry or string copied out per line).</summary>
    public async Task<int> ShowAsync(LoadedLog log, DisplaySettings display, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(log);

        // A log still being read is written once it is all in (text has no screen to show a part on).
        var ended = log.Reading is { } reading
            ? await reading.OfType<TailStatus>().LastOrDefaultAsync().ToTask(cancellationToken).ConfigureAwait(false) ?? log.Ended
            : log.Ended;
        await console.Error.WriteAsync(log.HeldMessages?.Invoke()).ConfigureAwait(false);
        using var view = new FilteredView(log.Store, log.Filter);
        var rows = view.Current;
        return await WriteAsync(rows.Count, rows.Utf8RowAt, ended.Message, display, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Writes rows 0 to <paramref name="count"/> (at most --max-lines of them), then <paramref name="endMessage"/> on
    /// stderr: the output of a log read whole.
    /// </summary>
    public async Task<int> WriteAsync(int count, RowAt rowAt, string endMessage, DisplaySettings display, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rowAt);
        ArgumentNullException.ThrowIfNull(display);
        var shown = display.MaxLines is { } max ? Math.Min(max, count) : count;
        var text = new TextLineFormatter(display.Utc, zone, colour);
        using var json = new JsonLinesFormatter();
        for (var row = 0; row < shown && !cancellationToken.IsCancellationRequested; row++)
        {
            if (kind == OutputKind.Jsonl)
            {
                json.WriteLine(console.Out, rowAt(row));
            }
            else
            {
                text.WriteLine(console.Out, rowAt(row));
            }
        }

        await console.Error.WriteLineAsync("logviewer: " + EscapedText.Escape(endMessage)).ConfigureAwait(false);
        await FlushAsync().ConfigureAwait(false);
        return ExitCodes.Ok;
    }

    private async Task FlushAsync()
    {
        await console.Out.FlushAsync(CancellationToken.None).ConfigureAwait(false);
        await console.Error.FlushAsync(CancellationToken.None).ConfigureAwait(false);
    }

    /// <summary>The writer's state over one run: lines written, last status shown, the outcome.</summary>
    private sealed class RunState(CliConsole console, TimeZoneInfo zone, ViewerContext context, OutputKind kind, bool colour) : IDisposable
    {
        private readonly TextLineFormatter _text = new(context.Display.Utc, zone, colour);
        private readonly JsonLinesFormatter _json = new();
        private long _written;
        private (TailState State, RetryReason Reason, string? Job)? _lastShown;
        private (string Status, int Replicas)? _deploymentShown;
        private string? _jobStatus;
        private string? _jobError;

        public int ExitCode { get; private set; } = ExitCodes.Ok;

        /// <summary>Shows one event; false when the run is over (--max-lines reached, fatal, ended).</summary>
        public bool Handle(TailEvent tailEvent)
        {
            switch (tailEvent)
            {
                case TailBatch batch:
                    return WriteBatch(batch);
                case TailWarning warning:
                    Status("warning: " + warning.Message);
                    return true;
                case TailStatus status:
                    return ShowStatus(status);
                default:
                    return true;
            }
        }

        public void Interrupted() => console.Out.Flush();

        public void Dispose() => _json.Dispose();

        public void Failed(int exitCode, string message)
        {
            Status(message);
            ExitCode = exitCode;
        }

        private bool WriteBatch(TailBatch batch)
        {
            var max = context.Display.MaxLines;
            foreach (var entry in batch.Entries)
            {
                if (max is { } limit && _written >= limit)
                {
                    break;
                }

                console.Out.WriteLine(kind == OutputKind.Jsonl ? _json.Format(entry) : _text.Format(entry));
                _written++;
                if (context.Display.ExitOn is { } exitOn && exitOn.Matches(entry.Message))
                {
                    console.Out.Flush();
                    Status($"a line matched --exit-on {exitOn.Display}; exiting with code {ExitCodes.Matched}.");
                    ExitCode = ExitCodes.Matched;
                    return false;
                }
            }

            console.Out.Flush();
            return context.Display.MaxLines is not { } reached || _written < reached;
        }

        private bool ShowStatus(TailStatus status)
        {
            if (status.JobStatus is not null)
            {
                _jobStatus = status.JobStatus;
                _jobError = status.JobError;
            }

            if (status.Deployment is { } deployment && _deploymentShown != (deployment.Status, deployment.ActiveReplicaCount))
            {
                _deploymentShown = (deployment.Status, deployment.ActiveReplicaCount);
                Status($"deployment {deployment.Name} is {deployment.Describe()}");
            }

            switch (status.State)
            {
                case TailState.Fatal:
                    Failed(status.Failure is { } failure ? ExitCodes.For(failure) : ExitCodes.Failure, status.Message);
                    return false;
                case TailState.Ended or TailState.Stopped:
                    Ended(status);
                    return false;
            }

            // Connecting is where every run starts, not a change worth a line: a run that fails at once
            // then says one thing, the failure.
            var key = (status.State, status.Reason, status.JobStatus);
            if (status.State == TailState.Connecting)
            {
                _lastShown = key;
                return true;
            }

            if (status.State == TailState.Retrying || _lastShown != key)
            {
                _lastShown = key;
                Status(status.State == TailState.Live && status.LastPollAt is { } poll
                    ? $"live, last poll {Clock(poll)}"
                    : status.Message);
            }

            return true;
        }

        private void Ended(TailStatus status)
        {
            if (context.Target is TrainingJobTarget job && _jobStatus is { } reported && new TrainingJobStatus(reported) is { IsTerminal: true } jobStatus)
            {
                Status($"training job {job.JobId} ended: {jobStatus.ShortName}" + (_jobError is { Length: > 0 } error ? $": {error}" : string.Empty));
                ExitCode = jobStatus.IsCompleted ? ExitCodes.Ok : ExitCodes.Failure;
                return;
            }

            Status(status.Message);
        }

        private string Clock(DateTimeOffset time) =>
            (context.Display.Utc ? time.ToUniversalTime() : TimeZoneInfo.ConvertTime(time, zone)).ToString("HH:mm:ss", CultureInfo.InvariantCulture);

        private void Status(string message) => console.Error.WriteLine("logviewer: " + EscapedText.Escape(message));
    }
}
