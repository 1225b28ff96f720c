using LogViewer.Tui.Keys;
using LogViewer.Tui.Rules;
using LogViewer.Tui.Timeline;

namespace LogViewer.Tui.Tests.Keys;

/// <summary>The README's tables of the rule panel's and the timeline strip's keys are their key tables themselves.</summary>
public sealed class ReadmePanelKeyTableTests
{
    [Fact]
    public void Readme_Panel_Key_Table_Equals_The_Panel_Keys_In_Code() =>
        Assert.Equal(RulePanelKeys.ToMarkdown().ReplaceLineEndings("\n"), ReadmeSection("PANEL-KEYS"));

    [Fact]
    public void Readme_Timeline_Key_Table_Equals_The_Strip_Keys_In_Code() =>
        Assert.Equal(KeyCommand.ToMarkdown(TimelineKeys.Commands).ReplaceLineEndings("\n"), ReadmeSection("TIMELINE-KEYS"));

    /// <summary>What the README holds between <c>&lt;!-- NAME:BEGIN ... --&gt;</c> and <c>&lt;!-- NAME:END --&gt;</c>.</summary>
    private static string ReadmeSection(string name)
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(root!.FullName, "LogViewer.sln")))
        {
            root = root.Parent;
        }

        var readme = File.ReadAllText(Path.Combine(root.FullName, "README.md")).ReplaceLineEndings("\n");
        var start = readme.IndexOf($"<!-- {name}:BEGIN", StringComparison.Ordinal);
        var end = readme.IndexOf($"<!-- {name}:END -->", StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, $"README.md should hold the {name} markers");
        return readme[(readme.IndexOf('\n', start) + 1)..end];
    }
}
