using LogViewer.Core.Credentials;

namespace LogViewer.Commands;

/// <summary>
/// How the user can run <c>logviewer</c> from where they are, for the commands the simulator prints: the installed
/// tool when a <c>logviewer</c> is on PATH, else, in a checkout, <c>dotnet run --project src/LogViewer --</c> with the
/// project's path relative to the current directory, else this process's own path.
/// </summary>
internal static class CommandPrefix
{
    private static readonly string ProjectInCheckout = Path.Combine("src", "LogViewer", "LogViewer.csproj");

    public static string Current(IEnvironment environment) =>
        For(environment, AppContext.BaseDirectory, Directory.GetCurrentDirectory(), Environment.ProcessPath);

    public static string For(IEnvironment environment, string baseDirectory, string currentDirectory, string? processPath)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (IsOnPath(environment.GetVariable("PATH")))
        {
            return "logviewer";
        }

        // A build in a checkout runs from src/LogViewer/bin/<config>/<tfm>/ (or a test project's bin): walk up to the
        // directory holding src/LogViewer/LogViewer.csproj.
        for (var directory = new DirectoryInfo(baseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, ProjectInCheckout)))
            {
                var project = Path.GetRelativePath(currentDirectory, Path.Combine(directory.FullName, "src", "LogViewer"));
                return $"dotnet run --project {Quote(project)} --";
            }
        }

        return processPath is null || Path.GetFileNameWithoutExtension(processPath) == "dotnet" ? "logviewer" : Quote(processPath);
    }

    private static bool IsOnPath(string? path)
    {
        if (string.IsNullOrEmpty(path))
        {
            return false;
        }

        var names = OperatingSystem.IsWindows() ? new[] { "logviewer.exe", "logviewer.cmd" } : ["logviewer"];
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(directory => names.Any(name => File.Exists(Path.Combine(directory, name))));
    }

    private static string Quote(string path) => path.Contains(' ', StringComparison.Ordinal) ? $"'{path}'" : path;
}
