using SegRestore.Api.Models;
using SegRestore.Kube.Client;
using SegRestore.Kube.Models;
using SegRestore.Operator.Configuration;
using SegRestore.Operator.Workers;

namespace SegRestore.Operator.Controller;

/// <summary>
/// The chain's checkpoint claim on the API server: created before the chain's first Managed attempt (and again when it
/// went away), deleted when the chain ends (a pod still using it keeps it until the pod is gone: pvc-protection). One
/// GET per launch; a write only when the claim is missing.
/// </summary>
public sealed class CheckpointClaims(IKubernetesClient client, CheckpointVolumeOptions volume)
{
    public bool Enabled => volume.Enabled;

    /// <summary>Makes sure the claim exists; returns null when the pod may be created, or why
    /// it must wait (the claim is still being deleted: a pod mounting it would never start).</summary>
    public async Task<string?> EnsureAsync(PointRestoreSegment segment, string rootUid, CancellationToken cancellationToken)
    {
        var wanted = CheckpointClaimBuilder.Build(segment, rootUid, volume);
        var name = wanted.Metadata.Name!;
        var ns = wanted.Metadata.NamespaceProperty;
        var existing = await client.GetAsync<V1PersistentVolumeClaim>(name, ns, cancellationToken).ConfigureAwait(false);
        if (existing is null)
        {
            try
            {
                await client.CreateAsync(wanted, cancellationToken).ConfigureAwait(false);
                return null;
            }
            catch (KubernetesException e) when (e.IsAlreadyExists)
            {
                existing = await client.GetAsync<V1PersistentVolumeClaim>(name, ns, cancellationToken).ConfigureAwait(false);
                if (existing is null)
                {
                    return $"checkpoint claim {name} was deleted while it was being created; it is created again";
                }
            }
        }

        if (existing.Metadata.DeletionTimestamp is not null)
        {
            return $"checkpoint claim {name} is being deleted (a pod still uses it); it is created again once it is gone";
        }

        return null;
    }

    /// <summary>Deletes the chain's claim (nothing when it is gone); BR's checkpoint is not needed once the chain ended.</summary>
    public async Task DeleteAsync(string? ns, string rootUid, CancellationToken cancellationToken)
    {
        try
        {
            await client.DeleteAsync<V1PersistentVolumeClaim>(AttemptNames.CheckpointClaim(rootUid), ns, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (KubernetesException e) when (e.IsNotFound)
        {
        }
    }
}
