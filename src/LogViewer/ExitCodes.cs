using LogViewer.Core.Api;

namespace LogViewer;

/// <summary>The documented exit codes; scripts rely on them.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;
    public const int Failure = 1;
    public const int Usage = 2;
    public const int Authentication = 3;
    public const int NotFound = 4;

    public const string Help = "Exit codes: 0 ok (also after Ctrl-C), 1 other failure (or a training job that did not complete), 2 usage, 3 authentication, 4 not found.";

    public static int For(ApiFailureKind kind) => kind switch
    {
        ApiFailureKind.Unauthorized => Authentication,
        ApiFailureKind.NotFound => NotFound,
        ApiFailureKind.BadRequest => Usage,
        _ => Failure,
    };
}
