using System.Runtime.InteropServices;

namespace LogViewer.Running;

/// <summary>
/// Turns the first SIGINT (Ctrl-C) or SIGTERM into a cancelled token, so every command stops within a second
/// with what it already fetched written out. A second signal is left to the default handler, which ends the
/// process at once: the way out if something ever hangs.
/// </summary>
internal sealed class ShutdownSignals : IDisposable
{
    private readonly CancellationTokenSource _cancellation = new();
    private readonly PosixSignalRegistration[] _registrations;

    public ShutdownSignals() =>
        _registrations = [PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal), PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal)];

    public CancellationToken Token => _cancellation.Token;

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }

        _cancellation.Dispose();
    }

    private void OnSignal(PosixSignalContext context)
    {
        if (_cancellation.IsCancellationRequested)
        {
            return;
        }

        context.Cancel = true;
        _cancellation.Cancel();
    }
}
