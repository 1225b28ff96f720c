namespace LogViewer.Core.Tests.Tail;

/// <summary>Waits on the wall clock for a condition, at most 60 s: a safety net for a loaded machine, not a timing assertion.</summary>
internal static class Eventually
{
    public static async Task Until(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!condition() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }
    }
}
