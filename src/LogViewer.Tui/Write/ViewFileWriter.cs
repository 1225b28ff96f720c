using System.Text;
using LogViewer.Core.Output;

namespace LogViewer.Tui.Write;

/// <summary>
/// Runs a <see cref="WriteEntries"/> effect: a <c>.jsonl</c> path gets LogV1 JSON lines (what
/// <c>--output jsonl</c> writes and <c>logviewer replay</c> reads), any other path text lines as
/// <c>--output text</c> writes them, without colour. Every shown line is written once, so a grouped entry's lines
/// are all there, in time order. Without overwrite the file is created only if it does not
/// exist (checked by the open itself, so nothing is ever clobbered by a race).
/// </summary>
internal static class ViewFileWriter
{
    public static WriteFinished Write(WriteEntries effect, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(effect);
        var path = effect.Path;
        var jsonl = path.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase);
        var text = new TextLineFormatter(effect.Utc, zone, colour: false);
        using var json = new JsonLinesFormatter();
        var lines = 0L;
        try
        {
            var mode = effect.Overwrite ? FileMode.Create : FileMode.CreateNew;
            using (var writer = new StreamWriter(new FileStream(path, mode, FileAccess.Write, FileShare.Read, 1 << 16), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16))
            {
                var rows = effect.Rows;
                for (var row = 0; row < rows.Count; row++)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var entry = rows.At(row)!.Value.ToLogEntry();
                    writer.WriteLine(jsonl ? json.Format(entry) : text.Format(entry));
                    lines++;
                }
            }

            return new WriteFinished(path, effect.Rows.Count, lines, null);
        }
        catch (OperationCanceledException)
        {
            return new WriteFinished(path, 0, lines, $"writing {path} was cancelled after {lines} lines");
        }
        catch (IOException) when (!effect.Overwrite && File.Exists(path))
        {
            return new WriteFinished(path, 0, 0, $"{path} exists: :write! {path} replaces it");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.SecurityException or ArgumentException or NotSupportedException)
        {
            return new WriteFinished(path, 0, 0, $"cannot write {path}: {ex.Message}");
        }
    }
}
