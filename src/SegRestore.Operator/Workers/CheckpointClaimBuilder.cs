using k8s;
using k8s.Models;
using SegRestore.Api.Labels;
using SegRestore.Api.Models;
using SegRestore.Operator.Configuration;

namespace SegRestore.Operator.Workers;

/// <summary>
/// The chain's checkpoint claim (pure), owned by the segment that created it (usually the root): deleting that segment
/// lets the garbage collector take the claim, and the next launch creates it again (the worker then starts from the
/// ledger's copy). It is not the claim's controller: the claim serves the whole chain. The operator deletes it itself
/// when the chain is finalized or abandoned.
/// </summary>
public static class CheckpointClaimBuilder
{
    public const string AccessMode = "ReadWriteOnce";

    public static V1PersistentVolumeClaim Build(PointRestoreSegment segment, string rootUid, CheckpointVolumeOptions volume)
    {
        ArgumentNullException.ThrowIfNull(volume);
        return new V1PersistentVolumeClaim
        {
            ApiVersion = V1PersistentVolumeClaim.KubeApiVersion,
            Kind = V1PersistentVolumeClaim.KubeKind,
            Metadata = new V1ObjectMeta
            {
                Name = AttemptNames.CheckpointClaim(rootUid),
                NamespaceProperty = SegmentOwner.Namespace(segment),
                Labels = new Dictionary<string, string>
                {
                    [SegRestoreLabels.Chain] = rootUid,
                    [SegRestoreLabels.ManagedBy] = SegRestoreLabels.ManagedByValue,
                },
                OwnerReferences = [Owner(segment)],
            },
            Spec = new V1PersistentVolumeClaimSpec
            {
                AccessModes = [AccessMode],
                Resources = new V1VolumeResourceRequirements { Requests = new Dictionary<string, k8s.Models.ResourceQuantity> { ["storage"] = new k8s.Models.ResourceQuantity(volume.Size) } },
                StorageClassName = volume.StorageClassName is { Length: > 0 } storageClass ? storageClass : null,
            },
        };
    }

    private static V1OwnerReference Owner(PointRestoreSegment segment)
    {
        var owner = SegmentOwner.Reference(segment);
        owner.Controller = null;
        return owner;
    }
}
