using System.Text;

namespace LogViewer.Completion;

/// <summary>
/// A bash completion function for <c>logviewer</c>: subcommands first, then each subcommand's options, fixed option
/// values (levels, output kinds), and file names where a file is expected (bash's own completion, <c>-o default</c>).
/// </summary>
internal static class BashCompletionScript
{
    public static string Render(CompletionModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var s = new StringBuilder();
        s.AppendLine("# bash completion for logviewer; load with: source <(logviewer completion bash)");
        s.AppendLine("_logviewer() {");
        s.AppendLine("  local cur=\"${COMP_WORDS[COMP_CWORD]}\" prev=\"${COMP_WORDS[COMP_CWORD-1]}\" cmd=\"\" i");
        s.AppendLine("  for ((i = 1; i < COMP_CWORD; i++)); do");
        s.AppendLine("    case \"${COMP_WORDS[i]}\" in");
        s.Append("      ").Append(string.Join('|', model.Commands.Select(c => c.Name))).AppendLine(") cmd=\"${COMP_WORDS[i]}\"; break ;;");
        s.AppendLine("    esac");
        s.AppendLine("  done");
        s.AppendLine("  COMPREPLY=()");
        s.AppendLine("  case \"$cmd\" in");
        s.Append("    \"\") COMPREPLY=($(compgen -W \"").Append(string.Join(' ', model.Commands.Select(c => c.Name).Concat(model.RootOptions))).AppendLine("\" -- \"$cur\")); return ;;");
        foreach (var command in model.Commands)
        {
            s.Append("    ").Append(command.Name).AppendLine(")");
            s.AppendLine("      case \"$prev\" in");
            foreach (var option in command.Options.Where(o => o.TakesValue))
            {
                s.Append("        ").Append(string.Join('|', option.Names)).Append(") ");
                s.Append(option.Values.Count > 0 ? $"COMPREPLY=($(compgen -W \"{string.Join(' ', option.Values)}\" -- \"$cur\")); " : string.Empty);
                s.AppendLine("return ;;");
            }

            s.AppendLine("      esac");
            s.Append("      if [[ \"$cur\" == -* ]]; then COMPREPLY=($(compgen -W \"")
                .Append(string.Join(' ', command.Options.SelectMany(o => o.Names))).AppendLine("\" -- \"$cur\"));");
            if (command.ArgumentValues.Count > 0)
            {
                s.Append("      else COMPREPLY=($(compgen -W \"").Append(string.Join(' ', command.ArgumentValues)).AppendLine("\" -- \"$cur\"));");
            }

            s.AppendLine("      fi ;;");
        }

        s.AppendLine("  esac");
        s.AppendLine("}");
        s.AppendLine("complete -o default -F _logviewer logviewer");
        return s.ToString();
    }
}
