using System.CommandLine;
using LogViewer.Arguments;
using LogViewer.Core.Model;
using LogViewer.Running;

namespace LogViewer.Commands;

/// <summary>What <c>deployment</c> and <c>training</c> do once parsed: check every option, then tail.</summary>
internal static class TailCommandAction
{
    public static async Task<int> RunAsync(CliServices services, TailCommandOptions options, ParseResult parse, LogTarget target, CancellationToken cancellationToken)
    {
        var errors = new List<string>();
        foreach (var (name, value) in target.Ids)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                errors.Add($"the {name} id is empty; give the id shown in Baseten's dashboard.");
            }
        }

        var reader = new TailArgumentsReader(options, services.Time, services.Zone, services.Console.OutputIsTerminal);
        var settings = reader.Read(parse, target, errors);
        if (settings is null || errors.Count > 0)
        {
            return Usage(services, errors, parse);
        }

        return await new TailRunner(services).RunAsync(target, settings, cancellationToken).ConfigureAwait(false);
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
