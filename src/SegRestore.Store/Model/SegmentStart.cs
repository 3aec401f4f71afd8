namespace SegRestore.Store.Model;

/// <summary>A segment admitted into its chain. Recording the same start twice is a no-op.</summary>
/// <param name="Uid">The segment's uid: the idempotency key.</param>
/// <param name="Index">Position in the chain (0 = root).</param>
/// <param name="Name">The segment's name.</param>
/// <param name="StartTs">Resolved start TSO (the full backup's ts for segment 0).</param>
/// <param name="RestoredTs">Resolved restored TSO; null for an open-ended last segment.</param>
/// <param name="Last">Whether this is the last segment.</param>
/// <param name="SpecHash">Hash of the spec when started, to detect changes after start.</param>
/// <param name="Replaces">The uid of the segment at <paramref name="Index"/> that did not succeed and that this one
/// takes the place of (<see cref="Rules.SegmentRules.Start"/>); null for a segment admitted at a free index.</param>
public sealed record SegmentStart(
    string Uid,
    int Index,
    string Name,
    ulong StartTs,
    ulong? RestoredTs,
    bool Last,
    string SpecHash,
    string? Replaces = null);
