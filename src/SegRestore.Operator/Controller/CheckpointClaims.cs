using k8s;
using k8s.Models;
using SegRestore.Api.Models;
using SegRestore.Kube.Client;
using SegRestore.Operator.Configuration;
using SegRestore.Operator.Workers;

namespace SegRestore.Operator.Controller;

/// <summary>
/// The chain's checkpoint claim on the API server: created before the chain's first Managed attempt (and again when it
/// went away), kept for the chain once it exists, deleted when the chain ends (a pod still using it keeps it until the pod is gone: pvc-protection). One
/// GET per launch; a write only when the claim is missing.
/// </summary>
public sealed class CheckpointClaims(IKubernetesClient client, CheckpointVolumeOptions volume)
{
    /// <summary>
    /// The claim of a Managed attempt. Enabled: created when missing. Disabled: an emptyDir, unless the chain has a live
    /// claim already (the option was turned off mid-chain), which it keeps: an emptyDir attempt could commit a ledger
    /// generation its claim never saw, and a later attempt on the claim would take the stale disk for the newer copy.
    /// A claim still being deleted holds the launch back when enabled (a pod mounting it would never start).
    /// </summary>
    public async Task<ClaimPlan> PrepareAsync(PointRestoreSegment segment, string rootUid, CancellationToken cancellationToken)
    {
        var wanted = CheckpointClaimBuilder.Build(segment, rootUid, volume);
        var name = wanted.Metadata.Name!;
        var ns = wanted.Metadata.NamespaceProperty;
        var existing = await client.GetAsync<V1PersistentVolumeClaim>(name, ns, cancellationToken).ConfigureAwait(false);
        if (!volume.Enabled)
        {
            return existing is { Metadata.DeletionTimestamp: null } ? new ClaimPlan(name) : ClaimPlan.EmptyDir;
        }

        if (existing is null)
        {
            try
            {
                await client.CreateAsync(wanted, cancellationToken).ConfigureAwait(false);
                return new ClaimPlan(name);
            }
            catch (KubernetesApiException e) when (e.IsAlreadyExists)
            {
                existing = await client.GetAsync<V1PersistentVolumeClaim>(name, ns, cancellationToken).ConfigureAwait(false);
                if (existing is null)
                {
                    return ClaimPlan.Waiting($"checkpoint claim {name} was deleted while it was being created; it is created again");
                }
            }
        }

        return existing.Metadata.DeletionTimestamp is null
            ? new ClaimPlan(name)
            : ClaimPlan.Waiting($"checkpoint claim {name} is being deleted (a pod still uses it); it is created again once it is gone");
    }

    /// <summary>Deletes the chain's claim (nothing when it is gone); BR's checkpoint is not needed once the chain ended.</summary>
    public async Task DeleteAsync(string? ns, string rootUid, CancellationToken cancellationToken)
    {
        try
        {
            await client.DeleteAsync<V1PersistentVolumeClaim>(AttemptNames.CheckpointClaim(rootUid), ns, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (KubernetesApiException e) when (e.IsNotFound)
        {
        }
    }
}
