using LogViewer.Tui.Rules;

namespace LogViewer.Tui.Tests.Keys;

/// <summary>The README's table of rule panel keys is the panel's key table itself.</summary>
public sealed class ReadmePanelKeyTableTests
{
    [Fact]
    public void Readme_Panel_Key_Table_Equals_The_Panel_Keys_In_Code()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(root!.FullName, "LogViewer.sln")))
        {
            root = root.Parent;
        }

        var readme = File.ReadAllText(Path.Combine(root.FullName, "README.md")).ReplaceLineEndings("\n");
        var start = readme.IndexOf("<!-- PANEL-KEYS:BEGIN", StringComparison.Ordinal);
        var end = readme.IndexOf("<!-- PANEL-KEYS:END -->", StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, "README.md should hold the PANEL-KEYS markers");
        Assert.Equal(RulePanelKeys.ToMarkdown().ReplaceLineEndings("\n"), readme[(readme.IndexOf('\n', start) + 1)..end]);
    }
}
