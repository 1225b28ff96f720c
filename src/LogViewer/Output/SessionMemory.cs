using LogViewer.Core.Sessions;
using LogViewer.Tui.Session;

namespace LogViewer.Output;

/// <summary>
/// Remembers what the viewer shows per target across runs: <see cref="Attach"/> gives a viewer its target's saved
/// session (unless <c>--fresh</c>) and saves what it remembers when it closes. One instance serves one run of the
/// command: a target given on the command line, or every target the picker opens (under the same key, so both ways
/// share one session). With <c>--fresh</c> only what was saved before this run is ignored: a target opened again from
/// the picker gets back what the user did to it a moment ago. A session that cannot be written is kept in
/// a line <see cref="ReportAsync"/> says on stderr once the terminal is restored, never a failure.
/// </summary>
internal sealed class SessionMemory(SessionStore store, bool fresh)
{
    private readonly HashSet<string> _savedThisRun = new(StringComparer.Ordinal);
    private readonly List<string> _problems = [];

    /// <summary>Says on <paramref name="error"/> (stderr, once the terminal is restored) which sessions could not be saved.</summary>
    public async Task ReportAsync(TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(error);
        foreach (var problem in _problems)
        {
            await error.WriteLineAsync(problem).ConfigureAwait(false);
        }
    }

    public TuiSession Attach(TuiSession session, string key)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(key);
        return session with
        {
            Restored = fresh && !_savedThisRun.Contains(key) ? null : store.Load(key),
            ForgetSaved = () => store.Forget(key),
            Remember = saved => Save(key, saved),
        };
    }

    private void Save(string key, SavedSession saved)
    {
        try
        {
            store.Save(key, saved with { Target = key });
            _savedThisRun.Add(key);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            _problems.Add($"logviewer: the session could not be saved to {store.PathOf(key)} ({ex.Message.TrimEnd('.')}).");
        }
    }
}
