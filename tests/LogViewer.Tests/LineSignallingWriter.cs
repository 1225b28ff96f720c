namespace LogViewer.Tests;

/// <summary>A captured stdout that completes <see cref="Seen"/> once a line containing a given text is written.</summary>
internal sealed class LineSignallingWriter(string awaited) : StringWriter
{
    private readonly TaskCompletionSource _seen = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Seen => _seen.Task;

    public override void WriteLine(string? value)
    {
        base.WriteLine(value);
        Check(value);
    }

    public override Task WriteLineAsync(string? value)
    {
        base.WriteLine(value);
        Check(value);
        return Task.CompletedTask;
    }

    private void Check(string? value)
    {
        if (value?.Contains(awaited, StringComparison.Ordinal) == true)
        {
            _seen.TrySetResult();
        }
    }
}
