using LogViewer.Tui.Prompt.Commands;

namespace LogViewer.Tui.Prompt;

/// <summary>
/// Tab in the prompt, as in a shell: the command name while the first word is typed, then a file path for
/// commands that take one, or the argument candidates the command offers (<see cref="IPromptCommand.Candidates"/>:
/// level names, replica ids, rule numbers, copy formats, request ids seen). One candidate is completed in full (a directory with its <c>/</c>, a command with the
/// space after it); several are completed to their common prefix and listed as a hint. Reads the file system,
/// so the program runs it as an effect, not the reducer.
/// </summary>
internal static class PromptCompletion
{
    private const int HintLimit = 8;

    /// <summary>The completed text and, when several candidates remain, the hint listing them.</summary>
    public static (string Text, string? Hint) Complete(string text, string workingDirectory, PromptContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.TrimStart();
        var space = trimmed.IndexOf(' ', StringComparison.Ordinal);
        if (space < 0)
        {
            var names = CommandRegistry.Names.Where(n => n.StartsWith(trimmed, StringComparison.Ordinal)).ToList();
            if (names.Count == 0)
            {
                return (text, $"no command starts with '{trimmed}'");
            }

            if (names.Count == 1)
            {
                var command = CommandRegistry.Find(names[0])!;
                return (names[0] + (command.Argument == PromptArgument.None ? string.Empty : " "), null);
            }

            return (CommonPrefix(names), Hint(names));
        }

        var (name, _) = CommandRegistry.Split(trimmed);
        var head = trimmed[..(space + 1)];
        var typed = trimmed[(space + 1)..].TrimStart();
        switch (CommandRegistry.Find(name))
        {
            case { Argument: PromptArgument.FilePath }:
                var (path, hint) = CompletePath(typed, workingDirectory);
                return (head + path, hint);
            case { } command when context is not null && !typed.Contains(' ', StringComparison.Ordinal):
                var (argument, argumentHint) = CompleteArgument(command, typed, context);
                return (head + argument, argumentHint);
            default:
                return (text, null);
        }
    }

    private static (string Argument, string? Hint) CompleteArgument(IPromptCommand command, string typed, PromptContext context)
    {
        var offered = command.Candidates(context).ToList();
        if (offered.Count == 0)
        {
            return (typed, null);
        }

        // Case-insensitive, as the commands read their arguments (level names, formats); the candidate's spelling wins.
        var candidates = offered.Where(c => c.StartsWith(typed, StringComparison.OrdinalIgnoreCase)).ToList();
        return candidates.Count switch
        {
            0 => (typed, $"{command.Usage}: nothing starts with '{typed}' (Tab on an empty argument lists them)"),
            1 => (candidates[0], null),
            _ => (CommonPrefix(candidates) is { } prefix && prefix.Length >= typed.Length ? prefix : typed, Hint(candidates)),
        };
    }

    private static (string Path, string? Hint) CompletePath(string typed, string workingDirectory)
    {
        var slash = typed.LastIndexOf('/');
        var directoryPart = slash >= 0 ? typed[..(slash + 1)] : string.Empty;
        var prefix = typed[(slash + 1)..];
        var directory = WriteCommand.ExpandHome(directoryPart.Length == 0 ? "." : directoryPart);
        if (!Path.IsPathRooted(directory))
        {
            directory = Path.Combine(workingDirectory, directory);
        }

        List<string> candidates;
        try
        {
            candidates = [.. new DirectoryInfo(directory).EnumerateFileSystemInfos()
                .Where(e => e.Name.StartsWith(prefix, StringComparison.Ordinal) && (prefix.StartsWith('.') || !e.Name.StartsWith('.')))
                .Select(e => e is DirectoryInfo ? e.Name + "/" : e.Name)
                .Order(StringComparer.Ordinal)];
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            return (typed, $"cannot list {directoryPart}: {ex.Message}");
        }

        return candidates.Count switch
        {
            0 => (typed, $"no file starts with '{typed}'"),
            1 => (directoryPart + candidates[0], null),
            _ => (directoryPart + CommonPrefix(candidates), Hint(candidates)),
        };
    }

    private static string CommonPrefix(List<string> values)
    {
        var prefix = values[0];
        foreach (var value in values)
        {
            var n = 0;
            while (n < prefix.Length && n < value.Length && prefix[n] == value[n])
            {
                n++;
            }

            prefix = prefix[..n];
        }

        return prefix;
    }

    private static string Hint(List<string> candidates) =>
        string.Join("  ", candidates.Take(HintLimit)) + (candidates.Count > HintLimit ? $"  (+{candidates.Count - HintLimit})" : string.Empty);
}
