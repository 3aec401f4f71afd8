namespace SegRestore.Store.Model;

/// <summary>Filter for listing chains; null fields match everything.</summary>
public sealed record ChainQuery(ChainState? State = null, ulong? PdClusterId = null)
{
    public static ChainQuery All { get; } = new();

    public bool Matches(ChainRecord chain) =>
        (State is null || chain.State == State) && (PdClusterId is null || chain.Identity.PdClusterId == PdClusterId);
}
