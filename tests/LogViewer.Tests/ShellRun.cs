using System.Diagnostics;

namespace LogViewer.Tests;

/// <summary>Runs a bash script to its end and returns its exit code and output: for tests of what a shell sees.</summary>
internal static class ShellRun
{
    /// <summary>The built executable, as a command a shell can run.</summary>
    public static string Logviewer => $"dotnet '{typeof(CliApplication).Assembly.Location}'";

    public static async Task<(int ExitCode, string Out, string Error)> BashAsync(string script, string? workingDirectory = null, IDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("bash", ["-c", script])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var safetyNet = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        try
        {
            await process.WaitForExitAsync(safetyNet.Token);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        return (process.ExitCode, await stdout, await stderr);
    }
}
