namespace SegRestore.Api.Chain;

/// <summary>Where a segment sits: its index and its chain's root.</summary>
public sealed record ChainPosition(int Index, string RootName, string? RootUid)
{
    /// <summary>The chain's identity: the root's uid, or its name for manifests not yet applied.</summary>
    public string ChainIdentity => RootUid ?? RootName;
}
