using System.Globalization;
using k8s;
using k8s.Models;
using SegRestore.Kube.Client;

namespace SegRestore.Operator.Clusters;

/// <summary>
/// One active chain per target cluster: a Lease named after the PD cluster id, in the operator's namespace, whose
/// holder is the chain's identity (its root uid). The Lease has no expiry: a chain holds its cluster from its first
/// attempt until it finalizes or is abandoned. A holder that is over (the callback of
/// <see cref="ClaimAsync"/>) is replaced. Writes carry the resourceVersion read, so two claims cannot both win.
/// </summary>
public sealed class ClusterLeases(IKubernetesClient client, string @namespace, TimeProvider time)
{
    public const string NamePrefix = "segrestore-pd-";

    public static string LeaseName(ulong clusterId) => NamePrefix + clusterId.ToString(CultureInfo.InvariantCulture);

    /// <summary>The holder after the claim: <paramref name="chain"/> when it won, another chain's identity otherwise.</summary>
    public async Task<string> ClaimAsync(
        ulong clusterId, string chain, Func<string, CancellationToken, Task<bool>> isHolderDone, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(chain);
        ArgumentNullException.ThrowIfNull(isHolderDone);
        var name = LeaseName(clusterId);
        var lease = await client.GetAsync<V1Lease>(name, @namespace, cancellationToken).ConfigureAwait(false);
        if (lease is null)
        {
            try
            {
                await client.CreateAsync(NewLease(name, chain), cancellationToken).ConfigureAwait(false);
                return chain;
            }
            catch (KubernetesApiException e) when (e.IsAlreadyExists)
            {
                lease = await client.GetAsync<V1Lease>(name, @namespace, cancellationToken).ConfigureAwait(false);
                return lease?.Spec?.HolderIdentity ?? "";
            }
        }

        var holder = lease.Spec?.HolderIdentity;
        if (holder == chain)
        {
            return chain;
        }

        if (!string.IsNullOrEmpty(holder) && !await isHolderDone(holder, cancellationToken).ConfigureAwait(false))
        {
            return holder;
        }

        lease.Spec = Claimed(lease.Spec, chain);
        try
        {
            await client.ReplaceAsync(lease, cancellationToken).ConfigureAwait(false);
            return chain;
        }
        catch (KubernetesApiException e) when (e.IsConflict || e.IsNotFound)
        {
            return holder ?? "";
        }
    }

    /// <summary>The chain holding the cluster, or null.</summary>
    public async Task<string?> HolderAsync(ulong clusterId, CancellationToken cancellationToken)
    {
        var lease = await client.GetAsync<V1Lease>(LeaseName(clusterId), @namespace, cancellationToken).ConfigureAwait(false);
        return lease?.Spec?.HolderIdentity is { Length: > 0 } holder ? holder : null;
    }

    /// <summary>Gives the cluster up when <paramref name="chain"/> holds it (the Lease is deleted with its version as a
    /// precondition, so a newer holder is never removed).</summary>
    public async Task ReleaseAsync(ulong clusterId, string chain, CancellationToken cancellationToken)
    {
        var lease = await client.GetAsync<V1Lease>(LeaseName(clusterId), @namespace, cancellationToken).ConfigureAwait(false);
        await DeleteIfHeldAsync(lease, chain, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Gives up every cluster <paramref name="chain"/> holds, for a chain whose cluster id is not known (it
    /// never reached the ledger).</summary>
    public async Task ReleaseAllAsync(string chain, CancellationToken cancellationToken)
    {
        var leases = await client.ListAsync<V1Lease>(@namespace, new ListOptions
        {
            LabelSelector = $"{Api.Labels.SegRestoreLabels.ManagedBy}={Api.Labels.SegRestoreLabels.ManagedByValue}",
        }, cancellationToken).ConfigureAwait(false);
        foreach (var lease in leases.Items.Where(l => l.Metadata.Name?.StartsWith(NamePrefix, StringComparison.Ordinal) == true))
        {
            await DeleteIfHeldAsync(lease, chain, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Deletes the Lease when <paramref name="chain"/> holds it, with its uid and version as preconditions.</summary>
    private async Task DeleteIfHeldAsync(V1Lease? lease, string chain, CancellationToken cancellationToken)
    {
        if (lease?.Spec?.HolderIdentity != chain)
        {
            return;
        }

        try
        {
            await client.DeleteAsync<V1Lease>(lease.Metadata.Name!, @namespace, new V1DeleteOptions
            {
                Preconditions = new V1Preconditions { Uid = lease.Metadata.Uid, ResourceVersion = lease.Metadata.ResourceVersion },
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (KubernetesApiException e) when (e.IsConflict || e.IsNotFound)
        {
            // Someone else changed or removed it: it is no longer ours to release.
        }
    }

    private V1Lease NewLease(string name, string chain) => new()
    {
        Metadata = new V1ObjectMeta
        {
            Name = name,
            NamespaceProperty = @namespace,
            Labels = new Dictionary<string, string> { [Api.Labels.SegRestoreLabels.ManagedBy] = Api.Labels.SegRestoreLabels.ManagedByValue },
        },
        Spec = Claimed(null, chain),
    };

    private V1LeaseSpec Claimed(V1LeaseSpec? current, string chain)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return new V1LeaseSpec
        {
            HolderIdentity = chain,
            AcquireTime = now,
            RenewTime = now,
            LeaseTransitions = current is null ? 0 : (current.LeaseTransitions ?? 0) + 1,
        };
    }
}
