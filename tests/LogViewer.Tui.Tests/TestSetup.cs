using System.Runtime.CompilerServices;

namespace LogViewer.Tui.Tests;

internal static class TestSetup
{
    // Buffer-only driver: no console handles, no raw mode, no escape output, so screen tests run anywhere.
    [ModuleInitializer]
    internal static void Init() => Environment.SetEnvironmentVariable("DisableRealDriverIO", "1");
}
