using LogViewer.Arguments;
using System.CommandLine;
using LogViewer.Core.Model;

namespace LogViewer.Commands;

/// <summary><c>logviewer deployment &lt;model_id&gt; &lt;deployment_id&gt; [options]</c>.</summary>
internal static class DeploymentCommand
{
    public static Command Create(CliServices services)
    {
        var modelId = new Argument<string>("model_id") { Description = "The model's id (as in Baseten's dashboard)." };
        var deploymentId = new Argument<string>("deployment_id") { Description = "The deployment's id." };
        var options = new TailCommandOptions();
        var command = new Command("deployment", "Tail a model deployment's logs. " + ExitCodes.Help) { modelId, deploymentId };
        options.AddConnection(command);
        options.AddRange(command);
        options.AddFilters(command);
        options.AddOutput(command);
        command.SetAction((parse, cancellationToken) => TailCommandAction.RunAsync(
            services, options, parse, new DeploymentTarget(parse.GetRequiredValue(modelId), parse.GetRequiredValue(deploymentId)), cancellationToken));
        return command;
    }
}
