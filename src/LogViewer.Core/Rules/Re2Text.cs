using System.Text;

namespace LogViewer.Core.Rules;

/// <summary>Literal text as an RE2 pattern: RE2 (and .NET) read a backslash before punctuation as that character.</summary>
internal static class Re2Text
{
    private const string Special = "\\.+*?()|[]{}^$";

    public static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (Special.Contains(c, StringComparison.Ordinal))
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        return builder.ToString();
    }
}
