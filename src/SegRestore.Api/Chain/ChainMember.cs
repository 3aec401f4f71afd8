using SegRestore.Api.Models;
using SegRestore.Api.Timestamps;

namespace SegRestore.Api.Chain;

/// <summary>A segment as the chain rules see it.</summary>
/// <param name="Name">metadata.name.</param>
/// <param name="Uid">metadata.uid (absent for manifests not yet applied, e.g. `segrestore validate`).</param>
/// <param name="Spec">The spec.</param>
/// <param name="Phase">status.phase, if any.</param>
/// <param name="RestoredTs">status.restoredTs: the restored TSO BR reported, if any.</param>
/// <param name="Namespace">metadata.namespace: where a TidbCluster reference without a namespace points.</param>
public sealed record ChainMember(
    string Name,
    string? Uid,
    PointRestoreSegmentSpec Spec,
    SegmentPhase? Phase = null,
    Tso? RestoredTs = null,
    string? Namespace = null)
{
    /// <summary>The member view of a segment resource.</summary>
    public static ChainMember From(PointRestoreSegment segment)
    {
        ArgumentNullException.ThrowIfNull(segment);
        return new ChainMember(
            segment.Metadata.Name ?? "",
            segment.Metadata.Uid,
            segment.Spec,
            segment.Status?.Phase,
            segment.Status?.RestoredTs,
            segment.Metadata.NamespaceProperty);
    }

    /// <summary>True once an attempt has begun: a later arrival cannot displace it from its place in the chain.</summary>
    public bool HasStarted => Phase is SegmentPhase.Running or SegmentPhase.Succeeded or SegmentPhase.Failed;
}
