using System.Text.Json.Nodes;
using SegRestore.Api.Labels;
using SegRestore.Api.Models;
using SegRestore.Kube.Models;
using SegRestore.Operator.Configuration;

namespace SegRestore.Operator.Workers;

/// <summary>
/// The chain's checkpoint claim (pure). Every segment that runs an attempt on it is one of its owners (never the
/// controller: no segment alone owns the chain), so the garbage collector removes it only when all of them are gone;
/// the operator deletes it itself when the chain is finalized or abandoned.
/// </summary>
public static class CheckpointClaimBuilder
{
    public const string AccessMode = "ReadWriteOnce";

    public static V1PersistentVolumeClaim Build(PointRestoreSegment segment, string rootUid, CheckpointVolumeOptions volume)
    {
        ArgumentNullException.ThrowIfNull(volume);
        return new V1PersistentVolumeClaim
        {
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
                Resources = new V1VolumeResourceRequirements { Requests = new Dictionary<string, string> { ["storage"] = volume.Size } },
                StorageClassName = volume.StorageClassName is { Length: > 0 } storageClass ? storageClass : null,
            },
        };
    }

    /// <summary>True when the segment is among the claim's owners already.</summary>
    public static bool IsOwnedBy(V1PersistentVolumeClaim claim, PointRestoreSegment segment)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(segment);
        return claim.Metadata.OwnerReferences?.Any(o => o.Uid == segment.Metadata.Uid) == true;
    }

    /// <summary>A strategic merge patch that adds the segment to the owners: owner references merge by uid, so two
    /// patches never drop each other's entry and no resourceVersion is needed.</summary>
    public static string AddOwnerPatch(PointRestoreSegment segment)
    {
        var owner = Owner(segment);
        return new JsonObject
        {
            ["metadata"] = new JsonObject
            {
                ["ownerReferences"] = new JsonArray(new JsonObject
                {
                    ["apiVersion"] = owner.ApiVersion,
                    ["kind"] = owner.Kind,
                    ["name"] = owner.Name,
                    ["uid"] = owner.Uid,
                    ["blockOwnerDeletion"] = true,
                }),
            },
        }.ToJsonString();
    }

    private static V1OwnerReference Owner(PointRestoreSegment segment)
    {
        var owner = SegmentOwner.Reference(segment);
        owner.Controller = null;
        return owner;
    }
}
