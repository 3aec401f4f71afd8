using SegRestore.Api.Models;

namespace SegRestore.Api.Chain;

/// <summary>
/// The settings every segment of a chain shares with its root: PD endpoints, log storage URL and checkpoint storage.
/// The ledger keeps the root's copy so a chain stays checkable after its root resource is deleted.
/// </summary>
public sealed record ChainSettings(string Pd, string LogUrl, CheckpointMode CheckpointMode, string? CheckpointUrl)
{
    /// <summary>The settings a root segment's spec establishes (checkpoint mode defaults to Managed); a TidbCluster
    /// reference stands for its PD Service (<see cref="ClusterTarget.PdOf"/>).</summary>
    public static ChainSettings OfRoot(PointRestoreSegmentSpec spec, string? segmentNamespace = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return new ChainSettings(
            ClusterTarget.PdOf(spec.Cluster, segmentNamespace),
            spec.Log?.Url ?? "",
            spec.Checkpoint?.Mode ?? CheckpointMode.Managed,
            spec.Checkpoint?.Url);
    }
}
