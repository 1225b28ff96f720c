using LogViewer.Core.Model;
using LogViewer.Core.Tail;
using static LogViewer.Core.Tests.Tail.TailHarness;

namespace LogViewer.Core.Tests.Tail;

/// <summary>
/// Scrolling back past what is held (<see cref="OlderHistory"/>): page after page before the oldest held line, down
/// to the target's start, exactly once against a holder whose oldest millisecond is only partly held.
/// </summary>
public sealed class OlderHistoryTests : IDisposable
{
    private readonly FastForwardScheduler _scheduler = new(Start.AddMinutes(2));

    public static TheoryData<int> Seeds => [.. Enumerable.Range(1, 6)];

    public static TheoryData<int> GapSeeds => [.. Enumerable.Range(1, 3)];

    public void Dispose() => _scheduler.Dispose();

    // Reads back from `held` until the reader says nothing older is left; returns everything held then.
    private static async Task<(List<LogEntry> Held, List<OlderPage> Pages)> ReadBackAsync(OlderHistory reader, List<LogEntry> held)
    {
        var pages = new List<OlderPage>();
        while (pages.Count < 10_000)
        {
            var boundary = held.Count == 0 ? (long?)null : held[0].TimestampNanos;
            var atBoundary = held.TakeWhile(e => e.EpochMillis == held[0].EpochMillis).ToList();
            var page = await reader.ReadPageAsync(boundary, atBoundary, CancellationToken.None);
            pages.Add(page);
            Assert.All(page.Entries, e => Assert.True(boundary is null || Nanos.ToEpochMillis(e.TimestampNanos) <= Nanos.ToEpochMillis(boundary.Value)));
            held = [.. page.Entries.Concat(held).OrderBy(e => e.TimestampNanos)];
            if (page.Exhausted)
            {
                break;
            }
        }

        return (held, pages);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task Reading_Back_From_A_Partly_Held_Millisecond_Brings_Every_Older_Line_Exactly_Once(int seed)
    {
        // Given 8 minutes of bursty traffic (crowded milliseconds, identical repeats) and a viewer holding the newest
        // part, its oldest millisecond only partly (the rest was evicted)
        var api = new InMemoryLogApi(_scheduler);
        var lines = RandomTraffic.Add(api, seed, Start.AddMinutes(-8), 8 * 60);
        var ordered = lines.OrderBy(e => e.TimestampNanos).ToList();
        var split = new Random(seed).Next(ordered.Count / 4, ordered.Count / 2);
        while (split > 0 && ordered[split - 1].EpochMillis != ordered[split].EpochMillis)
        {
            split++;
        }

        var held = ordered[split..];
        var reader = new OlderHistory(api, Deployment, new(), _scheduler, new SchedulerTimeProvider(_scheduler));

        // When reading back until nothing older is left
        var (all, pages) = await ReadBackAsync(reader, held);

        // Then the holder has every line the API has: none missing, none twice, none invented
        var (missing, extra) = (LineCounts.Missing(LineCounts.Of(lines), LineCounts.Of(all)), LineCounts.Missing(LineCounts.Of(all), LineCounts.Of(lines)));
        Assert.Equal((lines.Count, 0, 0), (all.Count, missing, extra));
        Assert.True(pages[^1].Exhausted);
        Assert.All(pages[..^1], page => Assert.NotEmpty(page.Entries));
        // ...and the floor of a deployment whose created_at is not known is 30 days back
        Assert.Equal((Start.AddMinutes(2) - OlderHistory.FallbackDepth).ToUnixTimeMilliseconds(), pages[^1].FloorMillis);
    }

    [Theory]
    [MemberData(nameof(GapSeeds))]
    public async Task Going_Far_Back_Reads_A_Page_There_And_The_Gap_Fills_Exactly_Once_From_Its_Top(int seed)
    {
        // Given 8 minutes of bursty traffic, the newest quarter held from inside a millisecond
        var api = new InMemoryLogApi(_scheduler);
        var lines = RandomTraffic.Add(api, seed, Start.AddMinutes(-8), 8 * 60);
        var ordered = lines.OrderBy(e => e.TimestampNanos).ToList();
        var split = ordered.Count * 3 / 4;
        var upper = ordered[split..];
        var reader = new OlderHistory(api, Deployment, new(), _scheduler, new SchedulerTimeProvider(_scheduler));
        static List<LogEntry> At(List<LogEntry> held, long millis) => [.. held.Where(e => e.EpochMillis == millis)];

        // When going to 7 minutes back: one ascending page from there
        var time = Nanos.FromDateTimeOffset(Start.AddMinutes(-7));
        var around = await reader.ReadAroundAsync(time, upper[0].TimestampNanos, At(upper, upper[0].EpochMillis), CancellationToken.None);
        var island = around.Entries.ToList();
        Assert.Equal(1, around.Requests);
        Assert.All(island, e => Assert.True(e.TimestampNanos >= time - 1_000_000));
        Assert.NotNull(around.GapFromMillis);
        Assert.Equal(island[^1].EpochMillis, around.GapFromMillis);

        // ...and the gap is filled page by page from its top, down to the page read there
        var requests = 0;
        while (true)
        {
            var page = await reader.ReadPageAsync(upper[0].TimestampNanos, At(upper, upper[0].EpochMillis), around.GapFromMillis, At(island, around.GapFromMillis!.Value), CancellationToken.None);
            requests += page.Requests;
            upper = [.. page.Entries.Concat(upper).OrderBy(e => e.TimestampNanos)];
            if (page.Exhausted)
            {
                break;
            }
        }

        // Then the page and the filled gap hold every line from the time on exactly once
        var expected = lines.Where(e => e.EpochMillis >= Nanos.ToEpochMillis(time)).ToList();
        var held = island.Concat(upper).ToList();
        var (missing, extra) = (LineCounts.Missing(LineCounts.Of(expected), LineCounts.Of(held)), LineCounts.Missing(LineCounts.Of(held), LineCounts.Of(expected)));
        Assert.Equal((expected.Count, 0, 0), (held.Count, missing, extra));
        Assert.True(requests > 1);
    }

    [Fact]
    public async Task Going_Back_To_A_Time_A_Page_Away_Leaves_No_Gap()
    {
        var api = new InMemoryLogApi(_scheduler);
        var lines = Enumerable.Range(0, 600).Select(i => Line(Start.AddSeconds(-600 + i), $"line {i}")).ToList();
        lines.ForEach(l => api.Add(l));
        var reader = new OlderHistory(api, Deployment, new(), _scheduler, new SchedulerTimeProvider(_scheduler));

        var around = await reader.ReadAroundAsync(Nanos.FromDateTimeOffset(Start.AddSeconds(-500)), lines[400].TimestampNanos, [lines[400]], CancellationToken.None);

        Assert.Null(around.GapFromMillis);
        Assert.Equal(lines[100..400], around.Entries);
    }

    [Fact]
    public async Task A_Training_Job_Is_Read_Back_To_Its_Created_At_And_No_Further()
    {
        // Given a job created 10 minutes before the start, with lines from then on (and stray ones before it)
        var job = new TrainingJobTarget("p1", "j1");
        var api = new InMemoryLogApi(_scheduler) { JobCreatedAt = Start.AddMinutes(-10) };
        var lines = Enumerable.Range(0, 1_200).Select(i => Line(Start.AddMinutes(-10).AddSeconds(i * 0.5), $"step {i}")).ToList();
        var stray = Line(Start.AddMinutes(-11), "before the job");
        api.Add(stray);
        lines.ForEach(l => api.Add(l));
        var reader = new OlderHistory(api, job, new(), _scheduler, new SchedulerTimeProvider(_scheduler));

        // When scrolling back from the newest 100 lines
        var (all, pages) = await ReadBackAsync(reader, lines[^100..]);

        // Then the job's lines are all held, a page of at most 1000 at a time, and reading stopped at created_at
        Assert.Equal(lines, all);
        Assert.Equal(Start.AddMinutes(-10).ToUnixTimeMilliseconds(), pages[^1].FloorMillis);
        Assert.True(pages[^1].Exhausted);
        Assert.InRange(pages.Count, 2, 3);
        Assert.All(pages, p => Assert.InRange(p.Entries.Count, 0, 1000));

        // ...and asking again once exhausted sends no request
        var requests = api.Requests.Count;
        var again = await reader.ReadPageAsync(all[0].TimestampNanos, [all[0]], CancellationToken.None);
        Assert.Empty(again.Entries);
        Assert.True(again.Exhausted);
        Assert.InRange(api.Requests.Count - requests, 0, 1);
    }

    [Fact]
    public async Task An_Answer_Over_The_Size_Cap_Is_Asked_Again_At_Once_For_Fewer_Lines()
    {
        // Given a page the client refuses as too large, then answers that fit
        var api = new InMemoryLogApi(_scheduler);
        var lines = Enumerable.Range(0, 50).Select(i => Line(Start.AddSeconds(-100 + i), $"line {i}")).ToList();
        lines.ForEach(l => api.Add(l));
        api.Failures.Enqueue(new LogViewer.Core.Api.LogApiException(LogViewer.Core.Api.ApiFailureKind.AnswerTooLarge, "The answer is over 64 MB."));
        var reader = new OlderHistory(api, Deployment, new(), _scheduler, new SchedulerTimeProvider(_scheduler));

        // When reading back from now, and going far back
        var page = await reader.ReadPageAsync(null, [], CancellationToken.None);
        api.Failures.Enqueue(new LogViewer.Core.Api.LogApiException(LogViewer.Core.Api.ApiFailureKind.AnswerTooLarge, "The answer is over 64 MB."));
        var around = await reader.ReadAroundAsync(lines[0].TimestampNanos, lines[10].TimestampNanos, [lines[10]], CancellationToken.None);

        // Then each refused request was asked again at once with a tenth of the limit, and the lines came
        var limits = api.Requests.Select(r => r.Query.Limit).ToList();
        Assert.Equal([1000, 100], limits[..2]);
        Assert.Equal(lines, page.Entries);
        Assert.Equal(lines[..10], around.Entries);
        Assert.Equal(limits[^2] / 10, limits[^1]);
    }

    [Fact]
    public async Task With_Nothing_Held_The_First_Page_Ends_Now()
    {
        var api = new InMemoryLogApi(_scheduler);
        var lines = Enumerable.Range(0, 50).Select(i => Line(Start.AddSeconds(i), $"line {i}")).ToList();
        lines.ForEach(l => api.Add(l));
        var reader = new OlderHistory(api, Deployment, new(), _scheduler, new SchedulerTimeProvider(_scheduler));

        var page = await reader.ReadPageAsync(null, [], CancellationToken.None);

        Assert.Equal(lines, page.Entries);
    }
}
