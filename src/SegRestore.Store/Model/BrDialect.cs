namespace SegRestore.Store.Model;

/// <summary>The flag BR understands for marking the last segment, probed once per chain.</summary>
public enum BrDialect
{
    /// <summary>Not probed yet, or BR can do only a single-segment restore.</summary>
    Unknown,

    /// <summary>V1: <c>--last</c>.</summary>
    Last,

    /// <summary>V2: <c>--last-segment</c>.</summary>
    LastSegment,
}
