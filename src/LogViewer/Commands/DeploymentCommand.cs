using System.CommandLine;
using LogViewer.Arguments;
using LogViewer.Cli;

namespace LogViewer.Commands;

/// <summary><c>logviewer deployment &lt;model&gt; [&lt;deployment&gt;] [options]</c>: ids or names; without a deployment, the production one.</summary>
internal static class DeploymentCommand
{
    public static Command Create(CliServices services)
    {
        // Optional at parse time so that a missing one gets our own message naming it, once.
        var modelId = new Argument<string?>("model_id") { Arity = ArgumentArity.ZeroOrOne, Description = "The model's id or name (as in Baseten's dashboard)." };
        var deploymentId = new Argument<string?>("deployment_id")
        {
            Arity = ArgumentArity.ZeroOrOne,
            Description = "The deployment's id or name. Left out: the production deployment, else the development one, else the only one.",
        };
        var options = new TailCommandOptions();
        var command = new Command("deployment", "Tail a model deployment's logs. " + ExitCodes.Help) { modelId, deploymentId };
        options.AddConnection(command);
        options.AddRange(command);
        options.AddFilters(command);
        options.AddOutput(command);
        command.Options.Add(options.ExitOn);
        options.AddWatching(command);
        command.SetAction((parse, cancellationToken) => TailCommandAction.RunAsync(
            services, options, parse, training: false, parse.GetValue(modelId), parse.GetValue(deploymentId), cancellationToken));
        return command;
    }
}
