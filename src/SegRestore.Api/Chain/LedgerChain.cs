namespace SegRestore.Api.Chain;

/// <summary>The ledger's record of a chain (the source of truth once segments have run).</summary>
/// <param name="RootUid">The chain's identity: its root segment's uid.</param>
/// <param name="RootName">The root segment's name.</param>
/// <param name="Finalized">The last segment succeeded: nothing may join.</param>
/// <param name="Abandoned">The chain was given up (e.g. its cluster was rebuilt): nothing may join.</param>
/// <param name="PdClusterId">The PD cluster id bound at segment 0.</param>
/// <param name="Settings">The root's shared settings, if recorded.</param>
/// <param name="Segments">The started segments, by index.</param>
public sealed record LedgerChain(
    string RootUid,
    string RootName,
    bool Finalized,
    bool Abandoned,
    ulong? PdClusterId,
    ChainSettings? Settings,
    IReadOnlyList<LedgerSegment> Segments);
