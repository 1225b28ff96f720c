namespace LogViewer.Core.Tests;

/// <summary>
/// Tests whose bound reads the whole process's heap (<see cref="GC.GetTotalMemory"/>) run alone, after the others: what
/// a test running beside them holds would count against their bound (the three-hour tail's 16 MB read 24 MB once while
/// the history tests held their traffic).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class HeapMeasuringTests
{
    public const string Name = "heap-measuring";
}
