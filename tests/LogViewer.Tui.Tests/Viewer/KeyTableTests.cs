using LogViewer.Tui.Keys;
using LogViewer.Tui.State;
using LogViewer.Tui.Viewer;
using Terminal.Gui.Input;

namespace LogViewer.Tui.Tests.Viewer;

public sealed class KeyTableTests
{
    [Fact]
    public void Every_Listed_Key_Resolves_To_Its_Action_And_No_Key_Is_Listed_Twice()
    {
        var keys = KeyTable.Commands.SelectMany(c => c.Keys).ToList();

        Assert.Equal(keys.Count, keys.Distinct(StringComparer.Ordinal).Count());
        foreach (var command in KeyTable.Commands)
        {
            foreach (var key in command.Keys)
            {
                Assert.Equal(command.Action, KeyTable.Resolve(key));
            }
        }
    }

    [Theory]
    [InlineData("j")]
    [InlineData("G")]
    [InlineData("?")]
    [InlineData("/")]
    [InlineData("]")]
    public void Printable_Keys_Are_Named_By_Their_Character(string character)
    {
        Assert.Equal(character, KeyNames.NameOf(new Key(character[0])));
    }

    [Fact]
    public void Named_And_Control_Keys_Are_Named_As_The_Table_Spells_Them()
    {
        Assert.Equal("Ctrl+D", KeyNames.NameOf(Key.D.WithCtrl));
        Assert.Equal("Ctrl+C", KeyNames.NameOf(Key.C.WithCtrl));
        Assert.Equal("PageUp", KeyNames.NameOf(Key.PageUp));
        Assert.Equal("Down", KeyNames.NameOf(Key.CursorDown));
        Assert.Equal("F1", KeyNames.NameOf(Key.F1));
        Assert.Equal("G", KeyNames.NameOf(Key.G.WithShift));
        Assert.Null(KeyNames.NameOf(Key.X.WithAlt));
    }

    [Fact]
    public void Wrap_Has_Its_Own_Key_Not_W()
    {
        Assert.IsType<ToggleWrap>(KeyTable.Resolve("z"));
        Assert.IsType<JumpToLevel>(KeyTable.Resolve("w"));
    }

    [Fact]
    public void Markdown_Table_Lists_Every_Command()
    {
        var markdown = KeyTable.ToMarkdown();

        Assert.StartsWith("| Keys | Action |", markdown, StringComparison.Ordinal);
        Assert.Equal(KeyTable.Commands.Count + 2, markdown.TrimEnd().Split('\n').Length);
        Assert.Contains("| `q`, `Ctrl+C` | quit |", markdown, StringComparison.Ordinal);
    }
}
