using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using LogViewer.Core.Credentials;
using LogViewer.Core.Model;

namespace LogViewer.Core.Sessions;

/// <summary>
/// Sessions on disk, one small JSON file per target under <c>$XDG_STATE_HOME/logviewer/sessions/</c> (default
/// <c>~/.local/state/logviewer/sessions/</c>), named by a hash of the target so no id needs escaping. A file that
/// cannot be read or parsed is reported in one line and ignored, never fatal. Writes go to a temporary file first,
/// then replace the old one, so a crash never leaves half a session. Reads and writes are synchronous: a session is
/// a few hundred bytes, and the picker opens and leaves targets between two runs of the UI loop on its own thread,
/// where there is nothing to await.
/// </summary>
public sealed class SessionStore(string directory)
{
    public string Directory { get; } = directory;

    /// <summary>The directory the environment asks for: <c>XDG_STATE_HOME</c> if set and absolute, else <c>~/.local/state</c>.</summary>
    public static SessionStore ForEnvironment(IEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var state = environment.GetVariable("XDG_STATE_HOME") is { Length: > 0 } xdg && Path.IsPathRooted(xdg)
            ? xdg
            : Path.Combine(environment.HomeDirectory, ".local", "state");
        return new SessionStore(Path.Combine(state, "logviewer", "sessions"));
    }

    /// <summary>The key of a live target: kind and ids.</summary>
    public static string KeyOf(LogTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return target switch
        {
            DeploymentTarget d => $"deployment {d.ModelId}/{d.DeploymentId}",
            TrainingJobTarget t => $"training {t.ProjectId}/{t.JobId}",
            _ => target.Describe(),
        };
    }

    /// <summary>The key of a replayed file: its full path.</summary>
    public static string KeyOfFile(string path) => "replay " + Path.GetFullPath(path);

    public string PathOf(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..16];
        return Path.Combine(Directory, hash + ".json");
    }

    public SessionLoad Load(string key)
    {
        var path = PathOf(key);
        try
        {
            if (!File.Exists(path))
            {
                return new SessionLoad(null, null);
            }

            using (var stream = File.OpenRead(path))
            {
                var session = JsonSerializer.Deserialize(stream, SessionJsonContext.Default.SavedSession);
                return session is null || session.Version != SavedSession.CurrentVersion
                    ? new SessionLoad(null, $"the saved session {path} is not a version {SavedSession.CurrentVersion} session; it was ignored.")
                    : new SessionLoad(session, null);
            }
        }
        catch (Exception failure) when (failure is JsonException or IOException or UnauthorizedAccessException or NotSupportedException)
        {
            var reason = failure is JsonException ? "it is not valid session JSON" : failure.Message.TrimEnd('.');
            return new SessionLoad(null, $"the saved session {path} could not be read ({reason}); it was ignored (:forget removes it).");
        }
    }

    public void Save(string key, SavedSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var path = PathOf(key);
        System.IO.Directory.CreateDirectory(Directory);
        var temporary = path + ".tmp";
        using (var stream = File.Create(temporary))
        {
            JsonSerializer.Serialize(stream, session, SessionJsonContext.Default.SavedSession);
        }

        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>Removes the target's session; true when there was one.</summary>
    public bool Forget(string key)
    {
        var path = PathOf(key);
        if (!File.Exists(path))
        {
            return false;
        }

        File.Delete(path);
        return true;
    }
}
