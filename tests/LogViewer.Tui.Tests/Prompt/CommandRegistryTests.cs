using LogViewer.Tui.Copy;
using LogViewer.Tui.Prompt.Commands;
using LogViewer.Tui.State;
using LogViewer.Tui.Write;

namespace LogViewer.Tui.Tests.Prompt;

public sealed class CommandRegistryTests
{
    private static readonly PromptContext Context = new(TimeZoneInfo.Utc);

    [Fact]
    public void Every_Command_Has_A_Distinct_Name_Usage_And_Help()
    {
        Assert.Equal(CommandRegistry.Names.Count, CommandRegistry.Names.Distinct().Count());
        Assert.All(CommandRegistry.All, c => Assert.False(string.IsNullOrWhiteSpace(c.Help)));
        Assert.All(CommandRegistry.All, c => Assert.StartsWith(c.Name, c.Usage, StringComparison.Ordinal));
        Assert.Contains(CommandRegistry.HelpLines(), l => l.StartsWith(":goto TIME", StringComparison.Ordinal));
    }

    [Fact]
    public void Goto_Parses_To_A_Time_Target_And_Explains_A_Bad_Time()
    {
        Assert.IsType<GoToTime>(CommandRegistry.Parse("goto 12:30", Context).Action);
        var bad = CommandRegistry.Parse("goto noon", Context);
        Assert.Null(bad.Action);
        Assert.Contains("goto noon: expected HH:MM", bad.Error, StringComparison.Ordinal);
        Assert.Contains("goto needs a time", CommandRegistry.Parse("goto", Context).Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("write out.txt", "out.txt", false)]
    [InlineData("w out.jsonl", "out.jsonl", false)]
    [InlineData("write! out.txt", "out.txt", true)]
    [InlineData("w! 'my file.txt'", "my file.txt", true)]
    public void Write_Takes_A_Path_And_The_Bang_Allows_Overwriting(string typed, string path, bool overwrite)
    {
        var action = Assert.IsType<WriteView>(CommandRegistry.Parse(typed, Context).Action);
        Assert.Equal(new WriteView(path, overwrite), action);
    }

    [Fact]
    public void Write_Without_A_Path_Says_What_To_Type()
    {
        Assert.Equal("write needs a file name, e.g. :write errors.jsonl", CommandRegistry.Parse("write", Context).Error);
    }

    [Fact]
    public void Copy_Help_And_Copy_Format_Parse()
    {
        Assert.IsType<CopySelection>(CommandRegistry.Parse("copy", Context).Action);
        Assert.IsType<ShowHelp>(CommandRegistry.Parse("help", Context).Action);
        Assert.Equal(new SetCopyFormat(CopyFormat.Jsonl), CommandRegistry.Parse("copy-format jsonl", Context).Action);
        Assert.Equal("copy-format xml: expected text or jsonl", CommandRegistry.Parse("copy-format xml", Context).Error);
    }

    [Fact]
    public void An_Unknown_Command_Is_Named_In_The_Error()
    {
        Assert.Equal("unknown command 'frobnicate' (:help lists the commands)", CommandRegistry.Parse("frobnicate now", Context).Error);
    }
}
