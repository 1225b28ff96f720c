namespace LogViewer.Core.Catalog;

/// <summary>Why a target could not be resolved; the command line maps it to an exit code.</summary>
public enum ResolutionFailure
{
    /// <summary>No model, deployment, project or job has that id or name.</summary>
    NotFound,

    /// <summary>A name matches several; the message lists them with their ids.</summary>
    Ambiguous,

    /// <summary>Several deployments and none is production or development: the user must pick one.</summary>
    NeedsChoice,
}
