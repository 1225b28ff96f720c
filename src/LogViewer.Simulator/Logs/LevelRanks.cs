namespace LogViewer.Simulator.Logs;

/// <summary>The API's level strings as ranks; 0 is a line with no (or an unknown) level, which any min_level drops.</summary>
internal static class LevelRanks
{
    public const int None = 0;

    public static int Of(string? level) => level switch
    {
        "DEBUG" => 1,
        "INFO" => 2,
        "WARNING" => 3,
        "ERROR" => 4,
        _ => None,
    };

    public static bool IsKnown(string level) => Of(level) != None;
}
