namespace LogViewer.Core.Text;

/// <summary>From <see cref="Position"/> in a sanitized string on (until the next change), the text is drawn in <see cref="Style"/>.</summary>
public readonly record struct StyleChange(int Position, SgrStyle Style);
