namespace SegRestore.Api.Chain;

/// <summary>
/// What the rules may look at: the namespace's segments reachable through previousSegment links plus those that
/// point to the same predecessors (enough to find cycles and forks in whatever order manifests arrived), the
/// ledger's record of the chain, and runtime facts.
/// </summary>
public sealed record ChainView(
    IReadOnlyList<ChainMember> Segments,
    LedgerChain? Ledger = null,
    RuntimeFacts? Runtime = null);
