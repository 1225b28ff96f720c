using LogViewer.Core.Api;

namespace LogViewer.Core.Tests.Api;

/// <summary>An answer's body read up to a cap: whole and exact below it, in as many 1 MB pieces as it takes, refused past it.</summary>
public sealed class BoundedBodyTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(10_000)]
    [InlineData(1 << 20)]
    [InlineData((1 << 20) + 1)]
    [InlineData((5 << 19) + 12_345)]
    public async Task A_Body_Under_The_Cap_Comes_Back_Exactly(int length)
    {
        var bytes = Bytes(length);

        var body = await BoundedBody.ReadAsync(Unsized(bytes), maxBytes: 3 << 20, CancellationToken.None);

        Assert.NotNull(body);
        Assert.Equal(bytes, body);
    }

    [Fact]
    public async Task Bodies_Read_One_After_Another_Do_Not_Share_Their_Arrays()
    {
        // The entries of an answer keep slices of its body: a later answer must not write over an earlier one's
        var first = await BoundedBody.ReadAsync(Unsized(Bytes(5_000, seed: 1)), 1 << 20, CancellationToken.None);
        var second = await BoundedBody.ReadAsync(Unsized(Bytes(5_000, seed: 2)), 1 << 20, CancellationToken.None);

        Assert.Equal(Bytes(5_000, seed: 1), first);
        Assert.Equal(Bytes(5_000, seed: 2), second);
    }

    [Theory]
    [InlineData(2 << 20, 2 << 20, true)]
    [InlineData((2 << 20) + 1, 2 << 20, false)]
    [InlineData(5 << 20, 2 << 20, false)]
    public async Task A_Body_Past_The_Cap_Is_Refused_Declared_Or_Not(int length, int cap, bool fits)
    {
        var bytes = Bytes(length);
        var declared = new ByteArrayContent(bytes);

        var unsizedBody = await BoundedBody.ReadAsync(Unsized(bytes), cap, CancellationToken.None);
        var declaredBody = await BoundedBody.ReadAsync(declared, cap, CancellationToken.None);

        Assert.Equal(fits, unsizedBody is not null);
        Assert.Equal(fits, declaredBody is not null);
    }

    private static byte[] Bytes(int length, int seed = 7)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    // No declared length, as a chunked or decompressed answer reaches the reader (a stream that cannot seek has no length to declare).
    private static StreamContent Unsized(byte[] bytes)
    {
        var content = new StreamContent(new ForwardOnly(bytes));
        Assert.Null(content.Headers.ContentLength);
        return content;
    }

    private sealed class ForwardOnly(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
