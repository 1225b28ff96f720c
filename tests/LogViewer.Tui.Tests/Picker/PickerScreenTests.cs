using LogViewer.Core.Model;
using LogViewer.Simulator;
using Terminal.Gui.Input;

namespace LogViewer.Tui.Tests.Picker;

public sealed class PickerScreenTests
{
    [Fact]
    public async Task The_Listing_Shows_Jobs_Then_Deployments_Newest_First_With_Their_States()
    {
        await using var picker = await PickerHarness.StartAsync();

        var rows = picker.ItemRows;

        // 3 + 3 + 1 jobs and 7 deployments, all on one screen at 120x30
        Assert.Equal(14, rows.Length);
        Assert.Contains("14 of 14", picker.Rows[0], StringComparison.Ordinal);
        Assert.All(rows[..7], r => Assert.StartsWith(" job ", r, StringComparison.Ordinal));
        // the two jobs created at the server's start come first (the later listed first on a tie), the oldest job last
        Assert.Contains("llama-finetunes / oom-repro", rows[0], StringComparison.Ordinal);
        Assert.Contains("embeddings-research / quick-eval", rows[6], StringComparison.Ordinal);
        var scaled = Assert.Single(rows, r => r.Contains(SimulatorCatalog.ScaledToZeroDeploymentId, StringComparison.Ordinal));
        Assert.Contains("SCALED_TO_ZERO", scaled, StringComparison.Ordinal);
        Assert.Contains("0 replicas  production", scaled, StringComparison.Ordinal);
        Assert.Contains(rows, r => r.Contains("whisper-large-v3 / deployment-3", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains("UNHEALTHY", StringComparison.Ordinal) && r.Contains("env staging", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Typing_Narrows_By_Name_Id_Or_Status_And_Backspace_Widens()
    {
        await using var picker = await PickerHarness.StartAsync();

        picker.Type("sweep");
        var sweep = Assert.Single(picker.ItemRows);
        picker.Press(Key.Backspace);
        picker.Press(Key.Backspace);
        picker.Press(Key.Backspace);
        picker.Press(Key.Backspace);
        var queryRow = picker.Rows[1].TrimEnd();
        var widened = picker.ItemRows.Length;
        picker.Press(Key.Esc);
        picker.Type(SimulatorCatalog.WakingDeploymentId);
        var byId = Assert.Single(picker.ItemRows);
        picker.Press(Key.Esc);
        picker.Type("quick eval");

        Assert.Contains("contrastive-sweep", sweep, StringComparison.Ordinal);
        Assert.Equal("> s_", queryRow);
        Assert.True(widened > 5, $"\"s\" should match most rows, matched {widened}");

        Assert.Contains("WAKING_UP", byId, StringComparison.Ordinal);
        // "quick eval": both words, in both projects (the colliding job name), with their projects shown
        Assert.Equal(2, picker.ItemRows.Length);
        Assert.Contains(picker.ItemRows, r => r.Contains("llama-finetunes / quick-eval", StringComparison.Ordinal));
        Assert.Contains(picker.ItemRows, r => r.Contains("embeddings-research / quick-eval", StringComparison.Ordinal));
        Assert.Contains("2 of 14", picker.Rows[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Enter_Chooses_The_Row_Under_The_Cursor_And_Q_Quits_Only_On_An_Empty_Query()
    {
        await using var picker = await PickerHarness.StartAsync();

        picker.Type("/quick");
        Assert.Null(picker.Program.Chosen);
        picker.Press(Key.CursorDown);
        picker.Press(Key.Enter);

        // after '/', q was typed into the query (the picker is still there); the second "quick-eval" was chosen
        Assert.Equal("> /quick_", picker.Rows[1].TrimEnd());
        var chosen = Assert.IsType<TrainingJobTarget>(picker.Program.Chosen!.Target);
        Assert.Equal((SimulatorCatalog.ResearchProjectId, SimulatorCatalog.ResearchQuickEvalJobId), (chosen.ProjectId, chosen.JobId));
    }

    [Fact]
    public async Task Ctrl_Z_Hands_The_Terminal_To_The_Shell_And_Keeps_The_Query_And_Cursor()
    {
        // Given a query typed and the cursor moved
        await using var picker = await PickerHarness.StartAsync();
        picker.Type("/quick");
        picker.Press(Key.CursorDown);
        var before = picker.Program.State;

        // When Ctrl+Z is pressed
        picker.Press(Key.Z.WithCtrl);

        // Then job control is asked to suspend once, nothing is chosen and the picker is as it was (fg redraws it)
        Assert.Equal(1, picker.Suspensions);
        Assert.Null(picker.Program.Chosen);
        Assert.Equal((before.Query, before.Selected), (picker.Program.State.Query, picker.Program.State.Selected));
        Assert.Equal("> /quick_", picker.Rows[1].TrimEnd());
    }

    [Fact]
    public async Task A_Query_Matching_Nothing_Says_So()
    {
        await using var picker = await PickerHarness.StartAsync();

        picker.Type("zzz");
        picker.Press(Key.Enter);

        Assert.Empty(picker.ItemRows);
        Assert.Contains(picker.Rows, r => r.Contains("Nothing matches \"zzz\"", StringComparison.Ordinal));
        Assert.Null(picker.Program.Chosen);
    }

    [Fact]
    public async Task Refresh_Reads_The_Listing_Again_And_Keeps_The_Cursor_On_Its_Row()
    {
        await using var picker = await PickerHarness.StartAsync();
        picker.Type("sdxl");
        var before = picker.Server!.Requests.Count(r => r.Path == "/v1/models");

        picker.Press(Key.R.WithCtrl);

        Assert.Equal(before + 1, picker.Server.Requests.Count(r => r.Path == "/v1/models"));
        Assert.Contains("sdxl-turbo / deployment-1", Assert.Single(picker.ItemRows), StringComparison.Ordinal);
        Assert.Equal(SimulatorCatalog.WakingDeploymentId, ((DeploymentTarget)picker.Program.State.SelectedItem!.Target).DeploymentId);
    }

    [Fact]
    public async Task Long_Lists_Page_With_The_Cursor()
    {
        await using var picker = await PickerHarness.StartAsync(height: 10);

        var firstPage = picker.ItemRows;
        picker.Press(Key.PageDown);
        picker.Press(Key.End);

        Assert.Equal(6, firstPage.Length);
        Assert.Equal(13, picker.Program.State.Selected);
        Assert.Contains(picker.ItemRows, r => r.Contains(picker.Program.State.SelectedItem!.Id, StringComparison.Ordinal));
        Assert.DoesNotContain(picker.ItemRows, r => r == firstPage[0]);
    }

    [Fact]
    public async Task A_Rejected_Key_Says_How_To_Set_One()
    {
        await using var picker = await PickerHarness.StartAsync(key: "sk_wrong_00001234");

        var screen = string.Join('\n', picker.Rows);

        Assert.Contains("Could not read the listing: The API key was rejected (HTTP 401", screen, StringComparison.Ordinal);
        Assert.Contains("BASETEN_API_KEY", screen, StringComparison.Ordinal);
        Assert.DoesNotContain("sk_wrong_00001234", screen, StringComparison.Ordinal);
        Assert.Empty(picker.ItemRows);
    }

    [Fact]
    public async Task Without_A_Key_The_Picker_Says_Why_And_Q_Quits()
    {
        await using var picker = PickerHarness.WithoutConnection("No API key found: set BASETEN_API_KEY, pass --api-key-file PATH, or log in with truss.");

        picker.Press(new Key('q'));

        Assert.Contains(picker.Rows, r => r.Contains("Could not read the listing: No API key found: set BASETEN_API_KEY", StringComparison.Ordinal));
        Assert.Null(picker.Program.Chosen);
    }
}
