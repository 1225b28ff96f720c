using LogViewer.Core.Api;
using LogViewer.Core.Credentials;
using LogViewer.Core.Model;
using LogViewer.Core.Tail;
using LogViewer.Core.Tests.Api;
using Microsoft.AspNetCore.Http;

namespace LogViewer.Core.Tests.Tail;

/// <summary>
/// The tail engine with the real HTTP client against <see cref="CannedApiServer"/> on loopback, on
/// <see cref="FastForwardScheduler"/> time: every request crosses a socket, every wait is virtual. The server
/// answers from <see cref="Lines"/> as the log endpoint would, unless <see cref="Hostile"/> answers first.
/// </summary>
internal sealed class LoopbackTail : IAsyncDisposable
{
    public const string Key = "sk_live_loopback_e5f6a7b8";
    public static readonly DateTimeOffset Start = TailHarness.Start;

    private readonly List<TailEvent> _events = [];
    private IDisposable? _subscription;
    private HttpClient? _http;

    private LoopbackTail(CannedApiServer server)
    {
        Server = server;
        Lines = new InMemoryLogApi(Scheduler);
        var honest = CannedApiServer.Logs(Lines, Target, (query, entries) => Tamper?.Invoke(query, entries) ?? entries);
        server.Answer = async context =>
        {
            var number = Interlocked.Increment(ref _requestCount);
            if (Hostile is { } hostile && await hostile(context, number))
            {
                return;
            }

            await honest(context);
        };
    }

    private int _requestCount;

    public CannedApiServer Server { get; }

    public FastForwardScheduler Scheduler { get; } = new(Start);

    public LogTarget Target { get; } = TailHarness.Deployment;

    /// <summary>What the honest server holds.</summary>
    public InMemoryLogApi Lines { get; }

    /// <summary>Answers request number n (from 1) its own way and returns true, or returns false to let the honest server answer.</summary>
    public Func<HttpContext, int, Task<bool>>? Hostile { get; set; }

    /// <summary>Changes the entries of every honest answer (adds a hostile entry, say) before they are written.</summary>
    public Func<LogQuery, IReadOnlyList<LogEntry>, IEnumerable<LogEntry>>? Tamper { get; set; }

    public int RequestCount => Volatile.Read(ref _requestCount);

    public Exception? Error { get; private set; }

    public bool Completed { get; private set; }

    public static async Task<LoopbackTail> StartAsync() => new(await CannedApiServer.StartAsync());

    public List<TailEvent> Events
    {
        get
        {
            lock (_events)
            {
                return [.. _events];
            }
        }
    }

    public List<LogEntry> Emitted => Events.OfType<TailBatch>().SelectMany(b => b.Entries).ToList();

    public List<TailStatus> Statuses => Events.OfType<TailStatus>().ToList();

    public List<TailWarning> Warnings => Events.OfType<TailWarning>().ToList();

    /// <summary>Every status and warning message, one per line, for assertion messages.</summary>
    public string Transcript => string.Join("\n", Events.Select(e => e switch
    {
        TailStatus s => $"{s.At:HH:mm:ss.fff} {s.State}: {s.Message}",
        TailWarning w => $"{w.At:HH:mm:ss.fff} warning: {w.Message}",
        TailBatch b => $"batch of {b.Entries.Count}",
        _ => e.ToString(),
    }));

    public void Run(TailOptions options, Func<HttpClient, ILogApi>? client = null)
    {
        // Decompressing, as the executable's client does: a gzip bomb must reach the client's cap inflated.
        _http = new HttpClient(new SocketsHttpHandler { AutomaticDecompression = System.Net.DecompressionMethods.All })
        {
            BaseAddress = Server.BaseAddress,
            Timeout = TimeSpan.FromSeconds(30),
        };
        var api = client?.Invoke(_http) ?? new BasetenLogApiClient(_http, new ApiCredential(Key, "test"), new SchedulerTimeProvider(Scheduler));
        var engine = new TailEngine(api, Target, options, Scheduler, new SchedulerTimeProvider(Scheduler), randomizer: () => 0.5);
        _subscription = engine.Run().Subscribe(
            e =>
            {
                lock (_events)
                {
                    _events.Add(e);
                }
            },
            e => Error = e,
            () => Completed = true);
    }

    /// <summary>Waits (real time, as a safety net only) until the condition holds; fails with the transcript otherwise.</summary>
    public async Task UntilAsync(Func<bool> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (!condition())
        {
            if (Error is not null || Scheduler.Failure is not null)
            {
                throw new Xunit.Sdk.XunitException($"The tail failed while waiting for {what}: {Error ?? Scheduler.Failure}\n{Transcript}");
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new Xunit.Sdk.XunitException($"Timed out waiting for {what}.\n{Transcript}");
            }

            await Task.Delay(5);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _subscription?.Dispose();
        await Server.DisposeAsync();
        Scheduler.Dispose();
        _http?.Dispose();
    }
}
