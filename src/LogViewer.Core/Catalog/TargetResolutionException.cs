namespace LogViewer.Core.Catalog;

/// <summary>
/// A target that could not be resolved. <see cref="Exception.Message"/> is the user's message: what was wrong, the
/// candidates with their ids, and what to add to the command.
/// </summary>
public sealed class TargetResolutionException : Exception
{
    public TargetResolutionException(ResolutionFailure failure, string message)
        : base(message) => Failure = failure;

    public TargetResolutionException()
        : this(ResolutionFailure.NotFound, "The target could not be resolved.")
    {
    }

    public TargetResolutionException(string message)
        : this(ResolutionFailure.NotFound, message)
    {
    }

    public TargetResolutionException(string message, Exception innerException)
        : base(message, innerException) => Failure = ResolutionFailure.NotFound;

    public ResolutionFailure Failure { get; }
}
