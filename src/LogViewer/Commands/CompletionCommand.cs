using System.CommandLine;
using LogViewer.Cli;
using LogViewer.Completion;

namespace LogViewer.Commands;

/// <summary>
/// <c>logviewer completion bash|zsh|fish</c>: prints a completion script made from the command tree itself
/// (commands, options, levels and output kinds), static so a Tab never waits for a process to start.
/// </summary>
internal static class CompletionCommand
{
    private static readonly string[] Shells = ["bash", "zsh", "fish"];

    public static Command Create(CliServices services, RootCommand root)
    {
        var shell = new Argument<string>("SHELL") { Description = "bash, zsh or fish." };
        shell.AcceptOnlyFromAmong(Shells);
        var command = new Command(
            "completion",
            "Print a shell completion script: bash: source <(logviewer completion bash); zsh: source <(logviewer completion zsh); fish: logviewer completion fish | source. "
            + ExitCodes.Help)
        {
            shell,
        };
        command.SetAction(parse =>
        {
            var model = CompletionModel.From(root);
            services.Console.Out.Write(parse.GetRequiredValue(shell) switch
            {
                "zsh" => ZshCompletionScript.Render(model),
                "fish" => FishCompletionScript.Render(model),
                _ => BashCompletionScript.Render(model),
            });
            return ExitCodes.Ok;
        });
        return command;
    }
}
