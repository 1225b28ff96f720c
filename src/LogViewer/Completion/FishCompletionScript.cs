using System.Text;

namespace LogViewer.Completion;

/// <summary>fish <c>complete</c> lines for <c>logviewer</c>: subcommands, then each one's options and values.</summary>
internal static class FishCompletionScript
{
    public static string Render(CompletionModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var s = new StringBuilder();
        s.AppendLine("# fish completion for logviewer; load with: logviewer completion fish | source");
        s.AppendLine("complete -c logviewer -f");
        var names = string.Join(' ', model.Commands.Select(c => c.Name));
        foreach (var command in model.Commands)
        {
            s.Append($"complete -c logviewer -n 'not __fish_seen_subcommand_from {names}' -a {command.Name} -d {Quote(command.Description)}").AppendLine();
        }

        foreach (var option in model.RootOptions.Where(o => o.StartsWith("--", StringComparison.Ordinal)))
        {
            s.Append($"complete -c logviewer -n 'not __fish_seen_subcommand_from {names}' -l {option[2..]}").AppendLine();
        }

        foreach (var command in model.Commands)
        {
            var when = $"-n '__fish_seen_subcommand_from {command.Name}'";
            foreach (var option in command.Options)
            {
                s.Append($"complete -c logviewer {when} -l {option.LongName[2..]}");
                if (option.ShortName is { } shortName)
                {
                    s.Append($" -s {shortName[1..]}");
                }

                s.Append(!option.TakesValue ? string.Empty
                    : option.Values.Count > 0 ? $" -x -a {Quote(string.Join(' ', option.Values))}"
                    : option.TakesPath ? " -r -F"
                    : " -x");
                s.Append($" -d {Quote(option.Description)}").AppendLine();
            }

            if (command.ArgumentValues.Count > 0)
            {
                s.Append($"complete -c logviewer {when} -x -a {Quote(string.Join(' ', command.ArgumentValues))}").AppendLine();
            }
            else if (command.TakesFiles)
            {
                s.Append($"complete -c logviewer {when} -F").AppendLine();
            }
        }

        return s.ToString();
    }

    private static string Quote(string text) => $"'{text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal)}'";
}
