namespace SegRestore.Store.Model;

/// <summary>A chain as the ledger keeps it.</summary>
/// <param name="Identity">The fields fixed at creation.</param>
/// <param name="State">Lifecycle state.</param>
/// <param name="StateReason">Why the chain was abandoned (empty otherwise).</param>
/// <param name="Generation">Generation of the committed checkpoint files; 0 before the first commit.</param>
/// <param name="CreatedAt">When the chain was created.</param>
/// <param name="UpdatedAt">Last change of anything in the chain.</param>
/// <param name="FinalizedAt">When the chain left the Active state (finalized or abandoned).</param>
public sealed record ChainRecord(
    NewChain Identity,
    ChainState State,
    string? StateReason,
    long Generation,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? FinalizedAt)
{
    public string RootUid => Identity.RootUid;
}
