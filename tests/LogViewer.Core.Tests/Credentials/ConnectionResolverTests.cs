using LogViewer.Core.Credentials;

namespace LogViewer.Core.Tests.Credentials;

public sealed class ConnectionResolverTests : IDisposable
{
    private const string TrussrcText = """
        [baseten]
        remote_provider = baseten
        api_key = trussrc_default_key_0001
        remote_url = https://app.baseten.co

        [staging]
        remote_provider = baseten
        api_key = trussrc_staging_key_0002
        remote_url = https://app.staging.example.com

        [nokey]
        remote_url = https://app.baseten.co
        """;

    private readonly string _home = Directory.CreateTempSubdirectory("lv-home-").FullName;
    private readonly Dictionary<string, string> _variables = [];

    public void Dispose() => Directory.Delete(_home, recursive: true);

    private ConnectionResolver Resolver => new(new FixedEnvironment(_variables, _home));

    private string WriteTrussrc(string text, string name = ".trussrc")
    {
        var path = Path.Combine(_home, name);
        File.WriteAllText(path, text);
        return path;
    }

    private string WriteKeyFile(string text)
    {
        var path = Path.Combine(_home, "key.txt");
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Key_File_Wins_Over_Everything_And_Is_Trimmed()
    {
        // Given every source set
        WriteTrussrc(TrussrcText);
        _variables["BASETEN_API_KEY"] = "env_key_0000000000";
        var file = WriteKeyFile("  file_key_1234567890\n");

        // When resolved with --api-key-file
        var connection = Resolver.Resolve(new ConnectionRequest(ApiKeyFile: file));

        // Then the file's key is used
        Assert.Equal("file_key_1234567890", connection.Credential.Key);
        Assert.Equal($"--api-key-file {file}", connection.Credential.Source);
    }

    [Fact]
    public void Environment_Key_Wins_Over_Truss_Auth_Variables_And_Trussrc()
    {
        // Given the env key, the truss auth pair and a trussrc
        WriteTrussrc(TrussrcText);
        _variables["BASETEN_API_KEY"] = "env_key_0000000000";
        _variables["BASETEN_TRUSS_AUTH_API_KEY"] = "truss_auth_key_000";
        _variables["BASETEN_TRUSS_AUTH_REMOTE_URL"] = "https://app.other.example";

        // When resolved
        var connection = Resolver.Resolve(new ConnectionRequest());

        // Then BASETEN_API_KEY is used and the host still comes from the trussrc remote
        Assert.Equal(new ApiCredential("env_key_0000000000", "BASETEN_API_KEY"), connection.Credential);
        Assert.Equal(new Uri("https://api.baseten.co/"), connection.BaseAddress);
    }

    [Fact]
    public void Truss_Auth_Pair_Wins_Over_Trussrc_And_Names_The_Host()
    {
        // Given the pair and a trussrc
        WriteTrussrc(TrussrcText);
        _variables["BASETEN_TRUSS_AUTH_API_KEY"] = "truss_auth_key_000";
        _variables["BASETEN_TRUSS_AUTH_REMOTE_URL"] = "https://app.other.example";

        // When resolved
        var connection = Resolver.Resolve(new ConnectionRequest());

        // Then the pair is used, its URL mapped to the API host
        Assert.Equal("truss_auth_key_000", connection.Credential.Key);
        Assert.Equal(new Uri("https://api.other.example/"), connection.BaseAddress);
    }

    [Fact]
    public void Half_Of_The_Truss_Auth_Pair_Is_Ignored()
    {
        // Given only the key of the pair, and a trussrc
        WriteTrussrc(TrussrcText);
        _variables["BASETEN_TRUSS_AUTH_API_KEY"] = "truss_auth_key_000";

        // When resolved
        var connection = Resolver.Resolve(new ConnectionRequest());

        // Then the trussrc is used
        Assert.Equal("trussrc_default_key_0001", connection.Credential.Key);
    }

    [Fact]
    public void Trussrc_Default_Remote_Gives_Key_And_Api_Host()
    {
        // Given only a trussrc
        var path = WriteTrussrc(TrussrcText);

        // When resolved
        var connection = Resolver.Resolve(new ConnectionRequest());

        // Then the [baseten] key and app -> api host are used
        Assert.Equal(new ApiCredential("trussrc_default_key_0001", $"{path} [baseten]"), connection.Credential);
        Assert.Equal(new Uri("https://api.baseten.co/"), connection.BaseAddress);
    }

    [Fact]
    public void Another_Remote_Is_Chosen_With_Remote_And_The_Path_From_USER_TRUSSRC_PATH()
    {
        // Given a trussrc elsewhere
        _variables["USER_TRUSSRC_PATH"] = WriteTrussrc(TrussrcText, "elsewhere.ini");

        // When resolved with --remote staging
        var connection = Resolver.Resolve(new ConnectionRequest(Remote: "staging"));

        // Then the staging section is used
        Assert.Equal("trussrc_staging_key_0002", connection.Credential.Key);
        Assert.Equal(new Uri("https://api.staging.example.com/"), connection.BaseAddress);
    }

    [Fact]
    public void Missing_Trussrc_Says_How_To_Set_A_Key()
    {
        // Given nothing at all
        // When resolved
        var ex = Assert.Throws<CredentialException>(() => Resolver.Resolve(new ConnectionRequest()));

        // Then the message names the remedies and the missing file
        Assert.Contains("No API key found", ex.Message);
        Assert.Contains("BASETEN_API_KEY", ex.Message);
        Assert.Contains("--api-key-file", ex.Message);
        Assert.Contains(Path.Combine(_home, ".trussrc"), ex.Message);
    }

    [Fact]
    public void Missing_Section_Lists_The_Sections_That_Exist()
    {
        // Given a trussrc without [prod]
        WriteTrussrc(TrussrcText);

        // When resolved with --remote prod
        var ex = Assert.Throws<CredentialException>(() => Resolver.Resolve(new ConnectionRequest(Remote: "prod")));

        // Then the existing sections are listed
        Assert.Contains("no [prod] section", ex.Message);
        Assert.Contains("baseten, nokey, staging", ex.Message);
    }

    [Fact]
    public void Section_Without_Api_Key_Says_So()
    {
        // Given a section without api_key
        WriteTrussrc(TrussrcText);

        // When resolved
        var ex = Assert.Throws<CredentialException>(() => Resolver.Resolve(new ConnectionRequest(Remote: "nokey")));

        // Then the message says the key is missing there
        Assert.Contains("[nokey] section", ex.Message);
        Assert.Contains("has no api_key", ex.Message);
    }

    [Theory]
    [InlineData("", "the file is empty")]
    [InlineData("  \n\t", "the file is empty")]
    [InlineData("key1\nkey2", "more than one line")]
    public void Bad_Key_File_Contents_Are_Named(string content, string expected)
    {
        // Given a key file with bad content
        var file = WriteKeyFile(content);

        // When resolved
        var ex = Assert.Throws<CredentialException>(() => Resolver.Resolve(new ConnectionRequest(ApiKeyFile: file)));

        // Then the message names the file and the problem
        Assert.Contains($"--api-key-file {file}", ex.Message);
        Assert.Contains(expected, ex.Message);
    }

    [Fact]
    public void Missing_Key_File_Is_Named()
    {
        // Given no such file
        var file = Path.Combine(_home, "nope.txt");

        // When resolved
        var ex = Assert.Throws<CredentialException>(() => Resolver.Resolve(new ConnectionRequest(ApiKeyFile: file)));

        // Then the message says so
        Assert.Equal($"--api-key-file {file}: no such file.", ex.Message);
    }

    [Fact]
    public void Api_Url_Option_Wins_Over_Environment_And_Trussrc()
    {
        // Given BASETEN_API_URL and a trussrc
        WriteTrussrc(TrussrcText);
        _variables["BASETEN_API_URL"] = "https://env.example.com";

        // When resolved with --api-url
        var connection = Resolver.Resolve(new ConnectionRequest(ApiUrl: "http://127.0.0.1:8080"));

        // Then the option is used
        Assert.Equal(new Uri("http://127.0.0.1:8080/"), connection.BaseAddress);
    }

    [Fact]
    public void Environment_Url_Wins_Over_Trussrc()
    {
        // Given BASETEN_API_URL and a trussrc
        WriteTrussrc(TrussrcText);
        _variables["BASETEN_API_URL"] = "https://env.example.com/prefix";

        // When resolved
        var connection = Resolver.Resolve(new ConnectionRequest());

        // Then the variable is used, path kept
        Assert.Equal(new Uri("https://env.example.com/prefix/"), connection.BaseAddress);
    }

    [Fact]
    public void Default_Endpoint_Without_Any_Url()
    {
        // Given a key from the environment and no trussrc
        _variables["BASETEN_API_KEY"] = "env_key_0000000000";

        // When resolved
        var connection = Resolver.Resolve(new ConnectionRequest());

        // Then the default API host is used
        Assert.Equal(new Uri("https://api.baseten.co/"), connection.BaseAddress);
    }

    [Fact]
    public void Plain_Http_To_A_Remote_Host_Is_Refused_Before_Any_Key_Lookup()
    {
        // Given a key, and a plain-http URL to an address nobody listens on
        _variables["BASETEN_API_KEY"] = "env_key_0000000000";

        // When resolved (resolution builds no client: nothing can connect)
        var ex = Assert.Throws<EndpointException>(() => Resolver.Resolve(new ConnectionRequest(ApiUrl: "http://192.0.2.1:9")));

        // Then the refusal names the option and the remedy
        Assert.StartsWith("--api-url http://192.0.2.1:9: plain http is only allowed to a loopback host", ex.Message);
        Assert.Contains("use https://", ex.Message);
    }

    [Fact]
    public void Plain_Http_From_The_Environment_Is_Refused_Too()
    {
        // Given BASETEN_API_URL with plain http to a named host
        _variables["BASETEN_API_KEY"] = "env_key_0000000000";
        _variables["BASETEN_API_URL"] = "http://api.example.com";

        // When resolved
        var ex = Assert.Throws<EndpointException>(() => Resolver.Resolve(new ConnectionRequest()));

        // Then the variable is named
        Assert.StartsWith("BASETEN_API_URL http://api.example.com:", ex.Message);
    }
}
