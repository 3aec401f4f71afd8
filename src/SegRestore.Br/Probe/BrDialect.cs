namespace SegRestore.Br.Probe;

/// <summary>How a BR build says "this is (not) the last segment" to `br restore point`.</summary>
public enum BrDialect
{
    /// <summary>Neither flag: only a single-segment restore is possible.</summary>
    None = 0,

    /// <summary>V1: `--last` (bool).</summary>
    Last = 1,

    /// <summary>V2: `--last-segment` (bool, default true when omitted).</summary>
    LastSegment = 2,
}
