using k8s;
using k8s.Models;

namespace SegRestore.Kube.Client;

/// <summary>
/// Typed access to any resource whose model carries <see cref="KubernetesEntityAttribute"/> (KubeOps'
/// <c>IKubernetesClient</c>). A null namespace means the entity's own (for writes), the configured default
/// (for reads of one object) or all namespaces (for lists and watches). Failures throw <see cref="KubernetesApiException"/>;
/// a request that outlives the configured timeout throws <see cref="TimeoutException"/>.
/// </summary>
public interface IKubernetesClient
{
    /// <summary>The configured default namespace, if any.</summary>
    string? DefaultNamespace { get; }

    /// <summary>The object, or null when it does not exist.</summary>
    Task<TEntity?> GetAsync<TEntity>(string name, string? @namespace = null, CancellationToken cancellationToken = default)
        where TEntity : class, IKubernetesObject<V1ObjectMeta>;

    /// <summary>One page: pass <see cref="ListOptions.Limit"/> and the previous page's continue token.</summary>
    Task<KubernetesList<TEntity>> ListPageAsync<TEntity>(
        string? @namespace = null, ListOptions? options = null, CancellationToken cancellationToken = default)
        where TEntity : class, IKubernetesObject<V1ObjectMeta>;

    /// <summary>Every page, joined; the result's resourceVersion is the first page's (the snapshot the pages share).</summary>
    Task<KubernetesList<TEntity>> ListAsync<TEntity>(
        string? @namespace = null, ListOptions? options = null, CancellationToken cancellationToken = default)
        where TEntity : class, IKubernetesObject<V1ObjectMeta>;

    Task<TEntity> CreateAsync<TEntity>(TEntity entity, CancellationToken cancellationToken = default)
        where TEntity : class, IKubernetesObject<V1ObjectMeta>;

    /// <summary>PUT: fails with 409 Conflict when <c>metadata.resourceVersion</c> is stale.</summary>
    Task<TEntity> ReplaceAsync<TEntity>(TEntity entity, CancellationToken cancellationToken = default)
        where TEntity : class, IKubernetesObject<V1ObjectMeta>;

    /// <summary>PUT on the status subresource: only status changes.</summary>
    Task<TEntity> ReplaceStatusAsync<TEntity>(TEntity entity, CancellationToken cancellationToken = default)
        where TEntity : class, IKubernetesObject<V1ObjectMeta>;

    Task<TEntity> PatchAsync<TEntity>(
        string name, string? @namespace, V1Patch patch, CancellationToken cancellationToken = default)
        where TEntity : class, IKubernetesObject<V1ObjectMeta>;

    Task<TEntity> PatchStatusAsync<TEntity>(
        string name, string? @namespace, V1Patch patch, CancellationToken cancellationToken = default)
        where TEntity : class, IKubernetesObject<V1ObjectMeta>;

    /// <summary>
    /// DELETE with optional preconditions and propagation policy. Returns the object when the server answers with it
    /// (deletion pending on finalizers, or the final state), null when it answers with a Status.
    /// </summary>
    Task<TEntity?> DeleteAsync<TEntity>(
        string name, string? @namespace = null, V1DeleteOptions? options = null, CancellationToken cancellationToken = default)
        where TEntity : class, IKubernetesObject<V1ObjectMeta>;

    /// <summary>
    /// A container's log (GET pods/{name}/log), at most the last <paramref name="tailLines"/> lines and
    /// <paramref name="limitBytes"/> bytes where the server honours them; the caller bounds it again.
    /// </summary>
    Task<string> ReadPodLogAsync(
        string name, string @namespace, string? container = null, int? tailLines = null, long? limitBytes = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// A watch stream. An HTTP error on start (e.g. 410 Gone for a too-old resourceVersion) throws
    /// <see cref="KubernetesApiException"/>; an in-stream failure arrives as an <see cref="WatchEventType.Error"/> event.
    /// The sequence ends when the server closes the stream.
    /// </summary>
    IAsyncEnumerable<WatchEvent<TEntity>> WatchAsync<TEntity>(
        string? @namespace = null, ListOptions? options = null, CancellationToken cancellationToken = default)
        where TEntity : class, IKubernetesObject<V1ObjectMeta>;
}
