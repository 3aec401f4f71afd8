namespace SegRestore.BrSim.Cli;

/// <summary>Which BR the simulator impersonates (BRSIM_DIALECT).</summary>
public enum BrDialect
{
    /// <summary>V2: `--last-segment`, default true when omitted.</summary>
    LastSegment,

    /// <summary>V1: `--last`, default true; omitted with --restored-ts below the log max means not final.</summary>
    Last,

    /// <summary>A BR without segmented restore.</summary>
    None,
}
