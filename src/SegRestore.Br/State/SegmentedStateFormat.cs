namespace SegRestore.Br.State;

/// <summary>Which encoding of BR's segmented state a blob is in.</summary>
public enum SegmentedStateFormat
{
    /// <summary>`SegmentedPiTRState` (db maps + versioned JSON payload).</summary>
    SegmentedPiTRState,

    /// <summary>The older `PitrIdMapPayload` (db maps + typed repeated items).</summary>
    PitrIdMapPayload,
}
