using LogViewer.Arguments;
using System.CommandLine;
using LogViewer.Core.Model;

namespace LogViewer.Commands;

/// <summary><c>logviewer training &lt;training_project_id&gt; &lt;training_job_id&gt; [options]</c>.</summary>
internal static class TrainingCommand
{
    public static Command Create(CliServices services)
    {
        var projectId = new Argument<string>("training_project_id") { Description = "The training project's id." };
        var jobId = new Argument<string>("training_job_id") { Description = "The training job's id." };
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
        command.Options.Add(options.NoExit);
        command.SetAction((parse, cancellationToken) => TailCommandAction.RunAsync(
            services, options, parse, new TrainingJobTarget(parse.GetRequiredValue(projectId), parse.GetRequiredValue(jobId)), cancellationToken));
        return command;
    }
}
