using System.Text;

namespace LogViewer.Completion;

/// <summary>A zsh completion function (<c>_arguments</c> per subcommand) for <c>logviewer</c>.</summary>
internal static class ZshCompletionScript
{
    public static string Render(CompletionModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var s = new StringBuilder();
        s.AppendLine("#compdef logviewer");
        s.AppendLine("# zsh completion for logviewer; load with: source <(logviewer completion zsh)  (after compinit)");
        s.AppendLine("_logviewer() {");
        s.AppendLine("  local -a commands");
        s.AppendLine("  commands=(");
        foreach (var command in model.Commands)
        {
            s.Append("    ").Append(Quote($"{command.Name}:{command.Description.Replace(":", "\\:", StringComparison.Ordinal)}")).AppendLine();
        }

        s.AppendLine("  )");
        s.AppendLine("  if (( CURRENT == 2 )); then");
        s.AppendLine("    _describe -t commands 'logviewer command' commands");
        s.Append("    _values 'option' ").AppendLine(string.Join(' ', model.RootOptions.Select(Quote)));
        s.AppendLine("    return");
        s.AppendLine("  fi");
        s.AppendLine("  local command=$words[2]");
        s.AppendLine("  shift words; (( CURRENT-- ))");
        s.AppendLine("  case $command in");
        foreach (var command in model.Commands)
        {
            s.Append("    ").Append(command.Name).AppendLine(")");
            s.Append("      _arguments -s");
            foreach (var option in command.Options)
            {
                var names = option.Names.Count > 1 ? $"({string.Join(' ', option.Names)})'{{{string.Join(',', option.Names)}}}'" : option.Names[0];
                var value = !option.TakesValue ? string.Empty
                    : option.Values.Count > 0 ? $":value:({string.Join(' ', option.Values)})"
                    : option.TakesPath ? ":path:_files"
                    : ":value: ";
                s.Append(" \\\n        ").Append(option.Names.Count > 1 ? $"'{names}[{Escape(option.Description)}]{value}'" : Quote($"{names}[{Escape(option.Description)}]{value}"));
            }

            if (command.ArgumentValues.Count > 0)
            {
                s.Append(" \\\n        ").Append(Quote($"1:value:({string.Join(' ', command.ArgumentValues)})"));
            }
            else if (command.TakesFiles)
            {
                s.Append(" \\\n        '*:file:_files'");
            }

            s.AppendLine().AppendLine("      ;;");
        }

        s.AppendLine("  esac");
        s.AppendLine("}");
        s.AppendLine("if (( $+functions[compdef] )); then compdef _logviewer logviewer; fi");
        return s.ToString();
    }

    private static string Escape(string text) => text.Replace("[", "\\[", StringComparison.Ordinal).Replace("]", "\\]", StringComparison.Ordinal).Replace("'", "", StringComparison.Ordinal);

    private static string Quote(string text) => $"'{text.Replace("'", "'\\''", StringComparison.Ordinal)}'";
}
