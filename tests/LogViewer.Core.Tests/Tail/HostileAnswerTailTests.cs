using System.Reactive.Concurrency;
using System.Text;
using LogViewer.Core.Api;
using LogViewer.Core.Credentials;
using LogViewer.Core.Model;
using LogViewer.Core.Tail;
using LogViewer.Core.Tests.Api;

namespace LogViewer.Core.Tests.Tail;

/// <summary>
/// The real client and tail engine against a loopback server whose answers carry one bad entry among good ones
/// (issue 14's table): the tail keeps going, says what was wrong once, and delivers every good entry exactly once.
/// Wall-clock polling; the waits are safety nets, nothing here is timed.
/// </summary>
public sealed class HostileAnswerTailTests : IAsyncLifetime
{
    private static readonly DeploymentTarget Deployment = new("m1", "d1");
    private CannedApiServer _server = null!;

    public async Task InitializeAsync() => _server = await CannedApiServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public static TheoryData<string, string, string?, string?> Rows() => new()
    {
        // bad entry (<FF> is the raw byte 0xFF), the message it shows as (null: skipped), the warning, or none
        { "invalid UTF-8 byte", """{"timestamp":"{T}","message":"bad <FF> byte","replica":"r1"}""", "bad \uFFFD byte", "1 message had invalid text, shown with U+FFFD" },
        { "lone surrogate", """{"timestamp":"{T}","message":"lone \ud800 escape","replica":"r1"}""", "lone \uFFFD escape", "1 message had invalid text, shown with U+FFFD" },
        { "unknown field nested 64 deep", """{"timestamp":"{T}","message":"deep","replica":"r1","x":""" + new string('[', 64) + new string(']', 64) + "}", "deep", null },
        { "message that is a number", """{"timestamp":"{T}","message":12345,"replica":"r1"}""", null, "1 entry skipped: the message is not a string" },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public async Task One_Bad_Entry_Costs_Only_Itself(string row, string badEntry, string? shownAs, string? warning)
    {
        // Given a server whose first answer holds two good entries around the bad one, and every later answer one more
        var now = DateTimeOffset.UtcNow;
        var t0 = Nanos.FromDateTimeOffset(now.AddSeconds(-20));
        string Good(int n) => $$"""{"timestamp":"{{t0 + n}}","message":"good {{n}}","replica":"r1","request_id":null,"level":"INFO"}""";
        var bad = badEntry.Replace("{T}", (t0 + 2).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        var requests = 0;
        _server.Answer = async context =>
        {
            var later = Interlocked.Increment(ref requests) > 1;
            var body = "{\"logs\":[" + string.Join(",", later ? [Good(1), bad, Good(3), Good(4)] : new[] { Good(1), bad, Good(3) }) + "]}";
            context.Response.ContentType = "application/json";
            await context.Response.Body.WriteAsync(Raw(body));
        };
        using var http = new HttpClient { BaseAddress = _server.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var api = new BasetenLogApiClient(http, new ApiCredential("sk_test_key", "test"));
        var options = new TailOptions
        {
            FromEpochMillis = now.AddMinutes(-1).ToUnixTimeMilliseconds(),
            PollInterval = TimeSpan.FromMilliseconds(500),
            Lookback = TimeSpan.FromMinutes(2),
        };
        var events = new List<TailEvent>();
        using var subscription = new TailEngine(api, Deployment, options, DefaultScheduler.Instance).Run().Subscribe(
            e =>
            {
                lock (events)
                {
                    events.Add(e);
                }
            });

        // When it has polled well after the last good entry first appeared
        await WaitUntil(() => Volatile.Read(ref requests) >= 5, $"five polls ({row})");
        subscription.Dispose();
        List<TailEvent> seen;
        lock (events)
        {
            seen = [.. events];
        }

        // Then every good entry (and the bad one where it can be shown) arrived exactly once, in order
        var messages = seen.OfType<TailBatch>().SelectMany(b => b.Entries).Select(e => e.Message).ToList();
        string[] expected = shownAs is null ? ["good 1", "good 3", "good 4"] : ["good 1", shownAs, "good 3", "good 4"];
        Assert.Equal(expected, messages);

        // And the tail kept going (no fatal status), saying what was wrong once, naming the right field
        Assert.DoesNotContain(seen.OfType<TailStatus>(), s => s.State == TailState.Fatal);
        var warnings = seen.OfType<TailWarning>().Select(w => w.Message).ToList();
        if (warning is null)
        {
            Assert.Empty(warnings);
        }
        else
        {
            Assert.Contains(warning, Assert.Single(warnings), StringComparison.Ordinal);
            Assert.DoesNotContain("timestamp", warnings[0], StringComparison.Ordinal);
        }
    }

    private static byte[] Raw(string text) =>
        [.. text.Split("<FF>").SelectMany((part, i) => (i == 0 ? [] : new byte[] { 0xFF }).Concat(Encoding.UTF8.GetBytes(part)))];

    private static async Task WaitUntil(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"timed out after 60 s waiting for {what}");
            await Task.Delay(50);
        }
    }
}
