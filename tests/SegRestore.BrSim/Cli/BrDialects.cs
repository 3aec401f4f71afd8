using SegRestore.Br;
using SegRestore.Br.Probe;
namespace SegRestore.BrSim.Cli;

/// <summary>Reads BRSIM_DIALECT and knows each dialect's version string and segment flag.</summary>
public static class BrDialects
{
    public static BrDialect FromEnvironment(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var text = environment("BRSIM_DIALECT");
        return text?.Trim().ToLowerInvariant() switch
        {
            null or "" or "last-segment" or "v2" => BrDialect.LastSegment,
            "last" or "v1" => BrDialect.Last,
            "none" => BrDialect.None,
            _ => throw new ArgumentException($"BRSIM_DIALECT='{text}' is not one of last-segment, last, none"),
        };
    }

    public static string? SegmentFlag(BrDialect dialect) => dialect switch
    {
        BrDialect.LastSegment => BrFlags.LastSegment,
        BrDialect.Last => BrFlags.Last,
        _ => null,
    };

    public static string ReleaseVersion(BrDialect dialect) => dialect switch
    {
        BrDialect.LastSegment => "v9.1.0-brsim",
        BrDialect.Last => "v9.0.0-brsim",
        _ => "v8.5.0-brsim",
    };
}
