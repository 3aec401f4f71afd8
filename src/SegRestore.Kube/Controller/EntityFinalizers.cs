using k8s;
using k8s.Models;
using SegRestore.Kube.Client;

namespace SegRestore.Kube.Controller;

/// <summary>Adds and removes finalizers with a resourceVersion precondition (see <see cref="FinalizerPatches"/>).</summary>
public static class EntityFinalizers
{
    public static Task<FinalizerUpdate<TEntity>> AddFinalizerAsync<TEntity>(
        this IKubernetesClient client, TEntity entity, string finalizer, CancellationToken cancellationToken = default)
        where TEntity : class, IKubernetesObject<V1ObjectMeta>
    {
        ArgumentNullException.ThrowIfNull(entity);
        return ApplyAsync(client, entity, FinalizerPatches.Add(entity.Metadata, finalizer), cancellationToken);
    }

    /// <summary>Removes the finalizer; an object already gone counts as done (Entity null, no conflict).</summary>
    public static Task<FinalizerUpdate<TEntity>> RemoveFinalizerAsync<TEntity>(
        this IKubernetesClient client, TEntity entity, string finalizer, CancellationToken cancellationToken = default)
        where TEntity : class, IKubernetesObject<V1ObjectMeta>
    {
        ArgumentNullException.ThrowIfNull(entity);
        return ApplyAsync(client, entity, FinalizerPatches.Remove(entity.Metadata, finalizer), cancellationToken);
    }

    private static async Task<FinalizerUpdate<TEntity>> ApplyAsync<TEntity>(
        IKubernetesClient client, TEntity entity, V1Patch? patch, CancellationToken cancellationToken)
        where TEntity : class, IKubernetesObject<V1ObjectMeta>
    {
        ArgumentNullException.ThrowIfNull(client);
        if (patch is null)
        {
            return new FinalizerUpdate<TEntity>(entity, Conflict: false);
        }

        try
        {
            var updated = await client.PatchAsync<TEntity>(
                entity.Metadata.Name!, entity.Metadata.NamespaceProperty, patch, cancellationToken).ConfigureAwait(false);
            return new FinalizerUpdate<TEntity>(updated, Conflict: false);
        }
        catch (KubernetesApiException e) when (e.IsConflict)
        {
            return new FinalizerUpdate<TEntity>(null, Conflict: true);
        }
        catch (KubernetesApiException e) when (e.IsNotFound)
        {
            return new FinalizerUpdate<TEntity>(null, Conflict: false);
        }
    }
}
