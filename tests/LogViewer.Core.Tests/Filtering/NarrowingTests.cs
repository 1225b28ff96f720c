using LogViewer.Core.Filtering;
using LogViewer.Core.Model;

namespace LogViewer.Core.Tests.Filtering;

public sealed class NarrowingTests
{
    public static TheoryData<LogFilter, LogFilter, bool> Cases => new()
    {
        { new TextFilter("loss="), new TextFilter("loss"), true },
        { new TextFilter("loss"), new TextFilter("loss="), false },
        { new TextFilter("Loss"), new TextFilter("loss", IgnoreCase: true), true },
        { new TextFilter("loss", IgnoreCase: true), new TextFilter("loss"), false },
        { new TextFilter("LOSS=", IgnoreCase: true), new TextFilter("oss", IgnoreCase: true), true },
        { new MinLevelFilter(LogLevel.Error), new MinLevelFilter(LogLevel.Warning), true },
        { new MinLevelFilter(LogLevel.Info), new MinLevelFilter(LogLevel.Warning), false },
        { new LevelFilter(LogLevel.Error), new MinLevelFilter(LogLevel.Warning), true },
        { new ReplicaFilter(["a"]), new ReplicaFilter(["a", "b"]), true },
        { new ReplicaFilter(["a", "b"]), new ReplicaFilter(["a"]), false },
        { new ReplicaFilter(["a", "b"], hide: true), new ReplicaFilter(["a"], hide: true), true },
        { new ReplicaFilter(["c"]), new ReplicaFilter(["a"], hide: true), true },
        { new NotFilter(new TextFilter("err")), new NotFilter(new TextFilter("error")), true },
        { new NotFilter(new TextFilter("error")), new NotFilter(new TextFilter("err")), false },
        { new TextFilter("a").And(new TextFilter("b")), new TextFilter("a"), true },
        { new TextFilter("a"), new TextFilter("a").And(new TextFilter("b")), false },
        { new TextFilter("ab").And(new MinLevelFilter(LogLevel.Error)), new MinLevelFilter(LogLevel.Info).And(new TextFilter("a")), true },
        { new TextFilter("x"), LogFilter.All, true },
        { new RequestIdFilter("r1"), new RequestIdFilter("r1"), true },
        { new RequestIdFilter("r1"), new RequestIdFilter("r2"), false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_Filter_Knows_When_It_Narrows_Another(LogFilter narrower, LogFilter wider, bool expected) =>
        Assert.Equal(expected, narrower.IsNarrowingOf(wider));

    [Fact]
    public void Regexes_Narrow_Only_When_Equal()
    {
        Assert.True(RegexFilter.TryCreate("a+", false, out var first, out _));
        Assert.True(RegexFilter.TryCreate("a+", false, out var same, out _));
        Assert.True(RegexFilter.TryCreate("a+b", false, out var longer, out _));

        Assert.Equal(first, same);
        Assert.True(same!.IsNarrowingOf(first!));
        Assert.False(longer!.IsNarrowingOf(first!));
    }

    [Fact]
    public void Equal_Filters_Are_Equal_Values()
    {
        Assert.Equal(new ReplicaFilter(["b", "a"]), new ReplicaFilter(["a", "b", "a"]));
        Assert.Equal(new TextFilter("a").And(new TextFilter("b")), new AllOfFilter([new TextFilter("a"), new TextFilter("b")]));
    }
}
