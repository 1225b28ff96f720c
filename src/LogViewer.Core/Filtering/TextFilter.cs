using System.Text;

namespace LogViewer.Core.Filtering;

/// <summary>
/// Keeps lines whose message contains <see cref="Text"/>. With <see cref="IgnoreCase"/>, letters match in
/// either case (ASCII folding for an ASCII text, ordinal case folding otherwise). An empty text keeps every line.
/// </summary>
public sealed record TextFilter(string Text, bool IgnoreCase = false) : LogFilter
{
    public override string Describe() => IgnoreCase ? $"text '{Text}' (any case)" : $"text '{Text}'";

    internal override bool ImpliesTerm(LogFilter other)
    {
        if (other is not TextFilter theirs)
        {
            return false;
        }

        if (!theirs.IgnoreCase)
        {
            // A line holding our text (in any case) holds theirs exactly only when we match exactly.
            return !IgnoreCase && Text.Contains(theirs.Text, StringComparison.Ordinal);
        }

        // A line holding our text holds every substring of it, so ask their own matcher about our text.
        // With IgnoreCase on our side, that holds when both fold the same way (both ASCII or both not).
        if (IgnoreCase && Ascii.IsValid(Text) != Ascii.IsValid(theirs.Text))
        {
            return false;
        }

        return Ascii.IsValid(theirs.Text)
            ? Utf8Search.IndexOfIgnoreCaseAscii(Encoding.UTF8.GetBytes(Text), Encoding.UTF8.GetBytes(theirs.Text)) >= 0
            : Text.Contains(theirs.Text, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Whether one message matches, for a line checked as it arrives rather than in the store.</summary>
    internal bool IsMatch(string message) =>
        message.Contains(Text, IgnoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);

    internal override bool MatchesPerEntry => true;

    internal override int Cost => 10;

    internal override EntryPredicate Compile() => IgnoreCase
        ? Ascii.IsValid(Text) ? new AsciiIgnoreCasePredicate(Text) : new UnicodeIgnoreCasePredicate(Text)
        : new TextPredicate(Text);
}
