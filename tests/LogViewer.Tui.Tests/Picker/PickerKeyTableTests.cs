using LogViewer.Tui.Picker;

namespace LogViewer.Tui.Tests.Picker;

public sealed class PickerKeyTableTests
{
    [Fact]
    public void Readme_Picker_Key_Table_Equals_The_Picker_Key_Table()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md")).ReplaceLineEndings("\n");
        var start = readme.IndexOf("<!-- PICKER-KEYS:BEGIN", StringComparison.Ordinal);
        var end = readme.IndexOf("<!-- PICKER-KEYS:END -->", StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, "README.md should hold the PICKER-KEYS:BEGIN and PICKER-KEYS:END markers");
        Assert.Equal(PickerKeyTable.ToMarkdown().ReplaceLineEndings("\n"), readme[(readme.IndexOf('\n', start) + 1)..end]);
    }

    [Theory]
    [InlineData("q", "q", "", typeof(QuitPicker))]
    [InlineData("q", "q", "ab", typeof(QueryChanged))]
    [InlineData("/", "/", "", typeof(QueryChanged))]
    [InlineData("Esc", null, "", typeof(QuitPicker))]
    [InlineData("Esc", null, "ab", typeof(QueryChanged))]
    [InlineData("Ctrl+R", null, "ab", typeof(RefreshListing))]
    [InlineData("Enter", null, "", typeof(OpenSelected))]
    [InlineData("Ctrl+Z", null, "", typeof(SuspendPicker))]
    [InlineData("Ctrl+Z", null, "ab", typeof(SuspendPicker))]
    public void Keys_Resolve_By_The_Query(string key, string? typed, string query, Type expected)
    {
        Assert.IsType(expected, PickerKeyTable.Resolve(key, typed, query));
    }

    [Fact]
    public void Every_Word_Must_Match_And_A_Leading_Slash_Is_Not_Matched()
    {
        var items = System.Collections.Immutable.ImmutableArray.Create(
            new PickerItem(new Core.Model.TrainingJobTarget("p", "j1"), "job", "proj / quick-eval", "j1", "FAILED", "", null) { SearchText = "job proj p quick-eval j1 failed" },
            new PickerItem(new Core.Model.TrainingJobTarget("p", "j2"), "job", "proj / sweep", "j2", "RUNNING", "", null) { SearchText = "job proj p sweep j2 running" });

        Assert.Equal([0], PickerReducer.Matching(items, "/QUICK fail").ToArray());
        Assert.Equal([0, 1], PickerReducer.Matching(items, "proj").ToArray());
        Assert.Empty(PickerReducer.Matching(items, "quick running"));
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "LogViewer.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("LogViewer.sln not found above the test directory.");
    }
}
