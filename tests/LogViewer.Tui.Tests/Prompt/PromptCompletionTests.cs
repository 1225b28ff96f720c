using LogViewer.Tui.Prompt;

namespace LogViewer.Tui.Tests.Prompt;

public sealed class PromptCompletionTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("logviewer-completion-");

    public void Dispose() => _directory.Delete(recursive: true);

    [Fact]
    public void A_Unique_Command_Prefix_Completes_With_A_Space_For_Its_Argument()
    {
        Assert.Equal(("goto ", null), PromptCompletion.Complete("go", _directory.FullName));
        Assert.Equal(("help", null), PromptCompletion.Complete("hel", _directory.FullName));
    }

    [Fact]
    public void An_Ambiguous_Prefix_Completes_To_The_Common_Part_And_Lists_The_Candidates()
    {
        var (text, hint) = PromptCompletion.Complete("cop", _directory.FullName);
        Assert.Equal("copy", text);
        Assert.Equal("copy  copy-format", hint);
    }

    [Fact]
    public void File_Paths_Complete_Relative_To_The_Working_Directory_And_Directories_Get_A_Slash()
    {
        // Given a directory with two files sharing a prefix and a subdirectory
        File.WriteAllText(Path.Combine(_directory.FullName, "errors-a.jsonl"), "");
        File.WriteAllText(Path.Combine(_directory.FullName, "errors-b.jsonl"), "");
        Directory.CreateDirectory(Path.Combine(_directory.FullName, "saved"));
        File.WriteAllText(Path.Combine(_directory.FullName, "saved", "one.txt"), "");

        // Then Tab completes the common prefix, a unique directory, and a file inside it
        Assert.Equal(("write errors-", "errors-a.jsonl  errors-b.jsonl"), PromptCompletion.Complete("write e", _directory.FullName));
        Assert.Equal(("write saved/", null), PromptCompletion.Complete("write sa", _directory.FullName));
        Assert.Equal(("w! saved/one.txt", null), PromptCompletion.Complete("w! saved/o", _directory.FullName));
        Assert.Equal(("write zz", "no file starts with 'zz'"), PromptCompletion.Complete("write zz", _directory.FullName));
    }
}
