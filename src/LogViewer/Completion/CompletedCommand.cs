namespace LogViewer.Completion;

/// <summary>A subcommand: its options, the values of its first argument (if fixed), and whether its argument is a file.</summary>
internal sealed record CompletedCommand(string Name, string Description, IReadOnlyList<CompletedOption> Options, IReadOnlyList<string> ArgumentValues, bool TakesFiles);
