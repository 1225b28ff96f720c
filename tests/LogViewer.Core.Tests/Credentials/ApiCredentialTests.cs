using LogViewer.Core.Credentials;

namespace LogViewer.Core.Tests.Credentials;

public sealed class ApiCredentialTests
{
    [Fact]
    public void ToString_Shows_Only_The_Last_Four_Characters_And_The_Source()
    {
        // Given a credential
        var credential = new ApiCredential("sk_live_0000a1b2c3d4", "BASETEN_API_KEY");

        // When printed, alone or inside a collection or interpolation
        var texts = new[] { credential.ToString(), $"{credential}", credential.Masked, new[] { credential }.Single().ToString() };

        // Then the key never shows
        Assert.All(texts, text => Assert.Equal("****c3d4 (from BASETEN_API_KEY)", text));
    }

    [Fact]
    public void A_Short_Key_Shows_No_Characters() =>
        Assert.Equal("****", new ApiCredential("abc12345", "x").MaskedKey);
}
