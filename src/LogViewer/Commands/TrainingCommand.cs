using System.CommandLine;
using LogViewer.Arguments;
using LogViewer.Cli;

namespace LogViewer.Commands;

/// <summary><c>logviewer training &lt;project&gt; [&lt;job&gt;] [options]</c>: ids or names; without a job, the most recent one.</summary>
internal static class TrainingCommand
{
    public static Command Create(CliServices services)
    {
        // Optional at parse time so that a missing one gets our own message naming it, once.
        var projectId = new Argument<string?>("training_project_id") { Arity = ArgumentArity.ZeroOrOne, Description = "The training project's id or name." };
        var jobId = new Argument<string?>("training_job_id") { Arity = ArgumentArity.ZeroOrOne, Description = "The training job's id or name. Left out: the project's most recent job." };
        var options = new TailCommandOptions();
        var command = new Command(
            "training",
            "Tail a training job's logs. With text or jsonl output the command follows the job until it ends, "
            + "writes its final status to stderr and exits 0 for COMPLETED, 1 otherwise (--no-exit keeps tailing). "
            + "Only --level filters training logs. " + ExitCodes.Help)
        {
            projectId,
            jobId,
        };
        options.AddConnection(command);
        options.AddRange(command);
        options.AddFilters(command);
        options.AddOutput(command);
        command.Options.Add(options.ExitOn);
        options.AddWatching(command);
        command.Options.Add(options.NoExit);
        command.SetAction((parse, cancellationToken) => TailCommandAction.RunAsync(
            services, options, parse, training: true, parse.GetValue(projectId), parse.GetValue(jobId), cancellationToken));
        return command;
    }
}
