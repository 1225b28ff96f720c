using LogViewer.Core.Model;
using LogViewer.Core.Replay;
using LogViewer.Core.Store;
using Terminal.Gui.Input;

namespace LogViewer.Tui.Tests.Write;

public sealed class WriteCommandTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("logviewer-write-");

    public void Dispose() => _directory.Delete(recursive: true);

    private string PathOf(string name) => Path.Combine(_directory.FullName, name);

    [Fact]
    public async Task Write_Jsonl_Saves_The_Filtered_Entries_In_Order_And_Reads_Back_As_Replay_Does()
    {
        // Given lines of two levels and a filter on "step", written as jsonl (the viewer runs off the test's
        // synchronization context, as it does in the app)
        var path = PathOf("steps.jsonl");
        var notice = await Task.Run(() =>
        {
            using var viewer = new ViewerHarness();
            viewer.Feed(
                Entries.At(1, "step 1", LogLevel.Info), Entries.At(2, "noise", LogLevel.Info),
                Entries.At(3, "step 2 failed", LogLevel.Error, "r-beta"), Entries.At(4, "step 3", LogLevel.Warning));
            viewer.Press(new Key('/'));
            viewer.Type("step");
            viewer.Press(Key.Enter);
            viewer.Command($"write {path}");
            return viewer.Program.State.Notice;
        });

        // Then the status said what was written, and the file loads (as logviewer replay loads it) to exactly the shown lines
        Assert.Equal($"wrote 3 entries (3 lines) to {path}", notice);
        var store = new LogStore(100);
        await JsonlLogReader.LoadFileAsync(path, store, _ => Assert.Fail("no line is malformed"), CancellationToken.None);
        var snapshot = store.Current;
        Assert.Equal(3, snapshot.Count);
        Assert.Equal(["step 1", "step 2 failed", "step 3"], Enumerable.Range(0, 3).Select(snapshot.MessageAt));
        Assert.Equal(LogLevel.Error, snapshot[1].Level);
        Assert.Equal("r-beta", snapshot[1].Replica);
        Assert.Equal(Entries.At(3, "").TimestampNanos, snapshot[1].TimestampNanos);
    }

    [Fact]
    public void Write_Text_Uses_The_Text_Output_Format()
    {
        using var viewer = new ViewerHarness(utc: true);
        viewer.Feed(Entries.At(1, "model loaded", LogLevel.Info, "r-alpha"));

        var path = PathOf("view.log");
        viewer.Command($"write {path}");

        Assert.Equal(["2026-01-01T12:00:01.000000000Z INFO  [r-alpha] model loaded"], File.ReadAllLines(path));
    }

    [Fact]
    public void Write_Refuses_To_Overwrite_And_Write_Bang_Replaces()
    {
        // Given a file that exists
        using var viewer = new ViewerHarness();
        viewer.Feed(Entries.Numbered(0, 4));
        var path = PathOf("kept.txt");
        File.WriteAllText(path, "precious\n");

        // When :write names it, it is left alone and the status says how to replace it (in red)
        viewer.Command($"write {path}");
        Assert.Equal("precious\n", File.ReadAllText(path));
        Assert.Equal($"{path} exists: :write! {path} replaces it", viewer.Program.State.Notice);
        Assert.True(viewer.Program.State.NoticeIsError);
        Assert.Contains("exists: :write!", viewer.Rows[22], StringComparison.Ordinal);

        // And :write! replaces it
        viewer.Command($"write! {path}");
        Assert.Equal(4, File.ReadAllLines(path).Length);
        Assert.Equal($"wrote 4 entries (4 lines) to {path}", viewer.Program.State.Notice);
    }

    [Fact]
    public void An_Unwritable_Path_Is_Reported_Not_Thrown()
    {
        using var viewer = new ViewerHarness();
        viewer.Feed(Entries.Numbered(0, 2));

        viewer.Command($"write {PathOf("no-such-dir")}/x.txt");

        Assert.StartsWith($"cannot write {PathOf("no-such-dir")}/x.txt: ", viewer.Program.State.Notice, StringComparison.Ordinal);
        Assert.Equal(2, viewer.Program.State.Rows.Count);
    }
}
