namespace LogViewer.Simulator.Http;

/// <summary>Why a logs request was refused: 400 with a message, or 422 (FastAPI's shape) for a parameter that is not an integer.</summary>
internal sealed record QueryRejection(int Status, string Message, string? Parameter = null, string? Input = null);
