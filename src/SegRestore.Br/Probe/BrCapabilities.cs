namespace SegRestore.Br.Probe;

/// <summary>What a BR binary can do for segmented restore, from its version and `restore point --help`.</summary>
public sealed record BrCapabilities(BrDialect Dialect, bool SupportsCheckpointStorage, BrVersionInfo Version)
{
    /// <summary>The dialect's flag name (without dashes), or null when BR has none.</summary>
    public string? LastFlag => Dialect switch
    {
        BrDialect.LastSegment => BrFlags.LastSegment,
        BrDialect.Last => BrFlags.Last,
        _ => null,
    };
}
