using LogViewer.Tui.Prompt.Commands;
using LogViewer.Tui.Viewer;

namespace LogViewer.Tui.Tests.Viewer;

/// <summary>The README lists every key: its table is the key table itself, so the two cannot drift apart.</summary>
public sealed class ReadmeKeyTableTests
{
    private const string Begin = "<!-- KEYS:BEGIN";
    private const string End = "<!-- KEYS:END -->";

    [Fact]
    public void Readme_Key_Table_Equals_The_Key_Table_In_Code()
    {
        // Given the README at the repository's root
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md")).ReplaceLineEndings("\n");

        // When the text between the key markers is taken
        var start = readme.IndexOf(Begin, StringComparison.Ordinal);
        var end = readme.IndexOf(End, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, "README.md should hold the KEYS:BEGIN and KEYS:END markers");
        var table = readme[(readme.IndexOf('\n', start) + 1)..end];

        // Then it is exactly what KeyTable.ToMarkdown() writes (regenerate it from there when keys change)
        Assert.Equal(KeyTable.ToMarkdown().ReplaceLineEndings("\n"), table);
    }

    [Fact]
    public void Readme_Command_Table_Equals_The_Command_Registry()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md")).ReplaceLineEndings("\n");
        var start = readme.IndexOf("<!-- COMMANDS:BEGIN", StringComparison.Ordinal);
        var end = readme.IndexOf("<!-- COMMANDS:END -->", StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, "README.md should hold the COMMANDS:BEGIN and COMMANDS:END markers");

        Assert.Equal(CommandRegistry.ToMarkdown().ReplaceLineEndings("\n"), readme[(readme.IndexOf('\n', start) + 1)..end]);
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "LogViewer.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"no LogViewer.sln above {AppContext.BaseDirectory}");
    }
}
