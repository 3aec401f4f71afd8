namespace SegRestore.Api.Chain;

/// <summary>The verdict of the chain rules on one segment.</summary>
public enum ChainOutcome
{
    /// <summary>The segment may run now.</summary>
    Ready,

    /// <summary>Valid, but something must happen first (predecessor, hold, cluster lease).</summary>
    Waiting,

    /// <summary>The manifests are wrong; fixing them clears it.</summary>
    Invalid,

    /// <summary>The chain cannot continue (the cluster was rebuilt, BR cannot do segments).</summary>
    Failed,
}
