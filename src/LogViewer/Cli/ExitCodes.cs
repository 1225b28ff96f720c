using LogViewer.Core.Api;

namespace LogViewer.Cli;

/// <summary>The documented exit codes; scripts rely on them.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;
    public const int Failure = 1;
    public const int Usage = 2;
    public const int Authentication = 3;
    public const int NotFound = 4;

    /// <summary>A line matched <c>--exit-on</c> (after it was printed).</summary>
    public const int Matched = 5;

    /// <summary>The short form, at the end of every command's description.</summary>
    public const string Help = "Exit codes: 0 ok, 1 failure, 2 usage, 3 authentication, 4 not found, 5 a line matched --exit-on.";

    /// <summary>The full form, in the root command's description.</summary>
    public const string FullHelp = "Exit codes: 0 ok (also when stopped with Ctrl-C or SIGTERM), 1 other failure (or a training job that ended other than COMPLETED), "
        + "2 usage (a bad option or argument), 3 authentication (no key, or the key was rejected), 4 not found (an unknown id), 5 a line matched --exit-on (it is the last line printed).";

    public static int For(ApiFailureKind kind) => kind switch
    {
        ApiFailureKind.Unauthorized => Authentication,
        ApiFailureKind.NotFound => NotFound,
        ApiFailureKind.BadRequest => Usage,
        _ => Failure,
    };
}
