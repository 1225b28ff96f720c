namespace LogViewer.Core.Tests.Fuzz;

/// <summary>The fuzz tests run alone: their memory bound and others' (the three-hour tail's) read the whole process's heap.</summary>
[CollectionDefinition(nameof(HostilePageFuzzTests), DisableParallelization = true)]
public sealed class HostilePageFuzzGroup;
