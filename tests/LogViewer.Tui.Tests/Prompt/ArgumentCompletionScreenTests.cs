using LogViewer.Core.Model;
using LogViewer.Tui.Prompt;
using LogViewer.Tui.Prompt.Commands;
using Terminal.Gui.Input;
using Xunit.Abstractions;

namespace LogViewer.Tui.Tests.Prompt;

/// <summary>
/// Tab after a command's name completes its argument from what the viewer knows: level names, the replicas it has
/// seen (shown ones for <c>:hide-replica</c>, hidden ones for <c>:show-replica</c>), rule numbers, copy formats and the
/// request ids near the selection. One candidate is completed; several go to their common part and are listed.
/// </summary>
public sealed class ArgumentCompletionScreenTests(ITestOutputHelper output)
{
    [Fact]
    public void Level_Completes_A_Level_Name_And_Lists_Them_All_On_An_Empty_Argument()
    {
        using var viewer = new ViewerHarness();

        Complete(viewer, "level ");
        Assert.Equal("level ", viewer.Program.State.Prompt.Text);
        Assert.Equal("debug  info  warning  error  all", viewer.Program.State.Prompt.Hint);

        viewer.Type("wa");
        viewer.Press(Key.Tab);
        output.WriteLine(viewer.Screen);
        Assert.Equal("level warning", viewer.Program.State.Prompt.Text);
        Assert.Contains(":level warning", viewer.Screen, StringComparison.Ordinal);

        // Enter runs what Tab completed
        viewer.Press(Key.Enter);
        Assert.Equal(LogLevel.Warning, viewer.Program.State.Rules.MinimumLevel);
    }

    [Fact]
    public void Replica_Commands_Complete_The_Replicas_They_Would_Change()
    {
        // Given: lines from three replicas, one of them hidden
        using var viewer = new ViewerHarness(width: 120);
        viewer.Feed([.. Entries.Numbered(0, 3, replica: "gpu-a1"), .. Entries.Numbered(3, 3, replica: "gpu-b2"), .. Entries.Numbered(6, 3, replica: "cpu-c3")]);
        viewer.Command("hide-replica cpu-c3");

        // Then: hide-replica offers the two shown ones, completing their common part
        Complete(viewer, "hide-replica ");
        Assert.Equal("hide-replica gpu-", viewer.Program.State.Prompt.Text);
        Assert.Equal("gpu-a1  gpu-b2", viewer.Program.State.Prompt.Hint);
        viewer.Type("b");
        viewer.Press(Key.Tab);
        Assert.Equal("hide-replica gpu-b2", viewer.Program.State.Prompt.Text);
        viewer.Press(Key.Esc);

        // And: show-replica offers the hidden one alone, in full
        Complete(viewer, "show-replica ");
        Assert.Equal("show-replica cpu-c3", viewer.Program.State.Prompt.Text);
        viewer.Press(Key.Enter);
        Assert.Empty(viewer.Program.State.HiddenReplicas);
    }

    [Fact]
    public void Rule_Commands_Complete_Rule_Numbers_And_Say_When_None_Fits()
    {
        using var viewer = new ViewerHarness();
        viewer.Command("filter-out NCCL");
        viewer.Command("filter-out progress");

        Complete(viewer, "disable ");
        Assert.Equal("1  2", viewer.Program.State.Prompt.Hint);
        viewer.Type("2");
        viewer.Press(Key.Enter);
        Assert.False(viewer.Program.State.Rules.Rules[1].Enabled);

        Complete(viewer, "delete 7");
        Assert.Equal("delete 7", viewer.Program.State.Prompt.Text);
        Assert.Equal("delete N: nothing starts with '7' (Tab on an empty argument lists them)", viewer.Program.State.Prompt.Hint);
    }

    [Fact]
    public void Copy_Format_And_Request_Complete_From_Their_Choices()
    {
        using var viewer = new ViewerHarness();
        viewer.Feed([Entries.At(1, "GET /predict") with { RequestId = "req-7f3a" }, Entries.At(2, "POST /predict") with { RequestId = "req-9b21" }]);

        Complete(viewer, "copy-format j");
        Assert.Equal("copy-format jsonl", viewer.Program.State.Prompt.Text);
        viewer.Press(Key.Esc);

        // The request ids near the selection (the newest line while following), nearest first
        Complete(viewer, "request req-");
        Assert.Equal("req-9b21  req-7f3a", viewer.Program.State.Prompt.Hint);
        viewer.Type("7");
        viewer.Press(Key.Tab);
        Assert.Equal("request req-7f3a", viewer.Program.State.Prompt.Text);
    }

    [Fact]
    public void A_Free_Text_Argument_Is_Left_Alone()
    {
        var context = new PromptContext(TimeZoneInfo.Utc, RuleCount: 2) { Replicas = ["r-1"] };

        Assert.Equal(("filter-in heal", null), PromptCompletion.Complete("filter-in heal", Path.GetTempPath(), context));
        Assert.Equal(("level warning extra", null), PromptCompletion.Complete("level warning extra", Path.GetTempPath(), context));
    }

    private static void Complete(ViewerHarness viewer, string text)
    {
        viewer.Press(new Key(':'));
        viewer.Type(text);
        viewer.Press(Key.Tab);
    }
}
