using k8s;
using k8s.Models;
using SegRestore.Kube.Client;

namespace SegRestore.Store.ConfigMaps;

/// <summary>
/// <see cref="IConfigMapStore"/> on the Kubernetes API through <see cref="IKubernetesClient"/>, in one namespace.
/// Status codes become the ledger's own exceptions: 409 AlreadyExists on create →
/// <see cref="ConfigMapAlreadyExistsException"/>; 409 Conflict on a replace or a delete with a precondition, and 404
/// on a replace (the object vanished since it was read) → <see cref="ConfigMapConflictException"/>; 404 on get → null,
/// on delete → nothing to do; 410 on a continued list page → the list starts over (at most 3 times). Everything
/// else (403, 422 Invalid, timeouts) propagates unchanged.
/// </summary>
public sealed class KubernetesConfigMapStore : IConfigMapStore
{
    /// <summary>Objects per list page. A blob ConfigMap is up to ~1.2 MiB of JSON and the client buffers a whole
    /// page, so pages stay small: 16 blobs are ~20 MiB at most.</summary>
    public const int DefaultPageSize = 16;

    /// <summary>How often a paged list starts again after its continue token expired (410) before giving up.</summary>
    public const int MaxListRestarts = 3;

    private readonly IKubernetesClient _client;
    private readonly int _pageSize;

    public KubernetesConfigMapStore(IKubernetesClient client, string @namespace, int pageSize = DefaultPageSize)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrWhiteSpace(@namespace);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        _client = client;
        Namespace = @namespace;
        _pageSize = pageSize;
    }

    public string Namespace { get; }

    public async Task<ConfigMapObject?> GetAsync(string name, CancellationToken cancellationToken)
    {
        var found = await _client.GetAsync<V1ConfigMap>(name, Namespace, cancellationToken).ConfigureAwait(false);
        return found is null ? null : ConfigMapMapping.FromKubernetes(found, includeData: true);
    }

    public async Task<ConfigMapObject> CreateAsync(ConfigMapObject configMap, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(configMap);
        try
        {
            var created = await _client.CreateAsync(ConfigMapMapping.ToKubernetes(configMap with { ResourceVersion = null }, Namespace), cancellationToken)
                .ConfigureAwait(false);
            return ConfigMapMapping.FromKubernetes(created, includeData: true);
        }
        catch (KubernetesApiException e) when (e.IsAlreadyExists)
        {
            throw new ConfigMapAlreadyExistsException($"ConfigMap '{Namespace}/{configMap.Name}' already exists.", e);
        }
    }

    public async Task<ConfigMapObject> ReplaceAsync(ConfigMapObject configMap, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(configMap);
        if (string.IsNullOrEmpty(configMap.ResourceVersion))
        {
            // Without a resourceVersion the API server replaces unconditionally, which would break the contract.
            throw new ArgumentException(
                $"ConfigMap '{configMap.Name}': a replace needs the resourceVersion it was read at (an optimistic-concurrency precondition).",
                nameof(configMap));
        }

        try
        {
            var replaced = await _client.ReplaceAsync(ConfigMapMapping.ToKubernetes(configMap, Namespace), cancellationToken).ConfigureAwait(false);
            return ConfigMapMapping.FromKubernetes(replaced, includeData: true);
        }
        catch (KubernetesApiException e) when (e.IsConflict || e.IsNotFound)
        {
            throw new ConfigMapConflictException(
                $"ConfigMap '{Namespace}/{configMap.Name}' changed or vanished since resourceVersion {configMap.ResourceVersion} was read.", e);
        }
    }

    public async Task DeleteAsync(string name, string? resourceVersion, CancellationToken cancellationToken)
    {
        var options = resourceVersion is null ? null : new V1DeleteOptions { Preconditions = new V1Preconditions { ResourceVersion = resourceVersion } };
        try
        {
            await _client.DeleteAsync<V1ConfigMap>(name, Namespace, options, cancellationToken).ConfigureAwait(false);
        }
        catch (KubernetesApiException e) when (e.IsNotFound)
        {
            // Already gone: deleting is idempotent for the ledger.
        }
        catch (KubernetesApiException e) when (e.IsConflict)
        {
            throw new ConfigMapConflictException(
                $"ConfigMap '{Namespace}/{name}' changed since resourceVersion {resourceVersion} was read; not deleted.", e);
        }
    }

    public async Task<IReadOnlyList<ConfigMapObject>> ListAsync(
        IReadOnlyDictionary<string, string> labels, bool includeData, CancellationToken cancellationToken)
    {
        var options = new ListOptions { LabelSelector = LabelSelectors.Equality(labels), Limit = _pageSize };
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await ListOnceAsync(options, includeData, cancellationToken).ConfigureAwait(false);
            }
            catch (KubernetesApiException e) when (e.IsGone && attempt < MaxListRestarts)
            {
                // The continue token expired (the server compacted its snapshot between pages): start the list
                // again, as client-go's pager does. The ledger needs no snapshot older than the call itself.
            }
        }
    }

    private async Task<IReadOnlyList<ConfigMapObject>> ListOnceAsync(ListOptions options, bool includeData, CancellationToken cancellationToken)
    {
        var result = new List<ConfigMapObject>();
        string? next = null;
        do
        {
            // Page by page, dropping data right away when it is not wanted, so at most one page of payload is held.
            var page = await _client.ListPageAsync<V1ConfigMap>(Namespace, options with { Continue = next }, cancellationToken)
                .ConfigureAwait(false);
            result.AddRange(page.Items.Select(item => ConfigMapMapping.FromKubernetes(item, includeData)));
            next = page.Metadata.ContinueProperty;
        }
        while (!string.IsNullOrEmpty(next));

        return result;
    }
}
