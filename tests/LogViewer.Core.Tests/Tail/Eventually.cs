namespace LogViewer.Core.Tests.Tail;

/// <summary>Waits on the wall clock for a condition, at most 60 s: a safety net for a loaded machine, not a timing assertion.</summary>
internal static class Eventually
{
    /// <summary>Returns once <paramref name="condition"/> holds; after 60 s fails naming <paramref name="what"/> it waited for.</summary>
    public static Task Until(Func<bool> condition, string what) => Until(condition, () => what);

    /// <summary>As <see cref="Until(Func{bool}, string)"/>, describing at the timeout how far it got.</summary>
    public static async Task Until(Func<bool> condition, Func<string> what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!condition())
        {
            if (DateTime.UtcNow >= deadline)
            {
                throw new TimeoutException($"waited 60 s for {what()}");
            }

            await Task.Delay(100);
        }
    }
}
