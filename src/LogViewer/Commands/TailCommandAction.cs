using System.CommandLine;
using LogViewer.Arguments;
using LogViewer.Cli;
using LogViewer.Targets;

namespace LogViewer.Commands;

/// <summary>What <c>deployment</c> and <c>training</c> do once parsed: check every argument and option, then resolve the target and tail.</summary>
internal static class TailCommandAction
{
    public static async Task<int> RunAsync(
        CliServices services, TailCommandOptions options, ParseResult parse, bool training, string? parent, string? child, CancellationToken cancellationToken)
    {
        var errors = new List<string>();
        var parentName = training ? "<training_project_id>" : "<model_id>";
        if (string.IsNullOrWhiteSpace(parent))
        {
            var what = training ? "the training project's id or name" : "the model's id or name";
            errors.Add($"missing {parentName}: give {what} (`logviewer pick` lists them).");
        }

        if (child is not null && string.IsNullOrWhiteSpace(child))
        {
            errors.Add($"{(training ? "<training_job_id>" : "<deployment_id>")} is empty: give an id or name, or leave it out to follow "
                + (training ? "the most recent job." : "the production deployment."));
        }

        var request = new TargetRequest(training, parent ?? string.Empty, child);
        var reader = new TailArgumentsReader(options, services.Time, services.Zone, services.Console.OutputIsTerminal);
        var settings = reader.Read(parse, request.AsTyped, errors);
        if (settings is null || errors.Count > 0)
        {
            return Usage(services, errors, parse);
        }

        return await new TailRunner(services).RunAsync(request, settings, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes one line per problem and a pointer to the command's help; returns the usage exit code.</summary>
    public static int Usage(CliServices services, IEnumerable<string> errors, ParseResult parse)
    {
        foreach (var error in errors)
        {
            services.Console.Error.WriteLine("logviewer: " + error);
        }

        services.Console.Error.WriteLine($"Run '{CommandPath(parse)} --help' for usage.");
        return ExitCodes.Usage;
    }

    private static string CommandPath(ParseResult parse)
    {
        var names = new List<string>();
        for (var result = parse.CommandResult; result is not null; result = result.Parent as System.CommandLine.Parsing.CommandResult)
        {
            names.Add(result.Command.Name);
        }

        names.Reverse();
        names[0] = "logviewer";
        return string.Join(' ', names);
    }
}
