using k8s;
using k8s.Models;

namespace SegRestore.Kube.Client;

/// <summary>
/// The <see cref="IKubernetesClient"/> facade over the official <see cref="IKubernetes"/> (as KubeOps' client sits on
/// it): every call goes through the official generic custom-object operations, which build <c>/api/v1</c> paths for
/// the core group and <c>/apis/{group}/{version}</c> otherwise. Configuration, TLS, credentials (tokens, token files,
/// exec plugins, client certificates) and the per-request timeout are the official client's. Transport calls and
/// error mapping live in <c>KubernetesClient.Calls.cs</c>, watches in <c>KubernetesClient.Watch.cs</c>.
/// </summary>
public sealed partial class KubernetesClient : IKubernetesClient, IDisposable
{
    private readonly IKubernetes _kubernetes;
    private readonly EntityJson _json;
    private readonly bool _ownsKubernetes;
    private readonly TimeSpan _requestTimeout;

    /// <summary>A client with its own official <see cref="Kubernetes"/>; <paramref name="handlers"/> sit in front of its transport.</summary>
    public KubernetesClient(KubernetesClientConfiguration configuration, EntityJson? json = null, params DelegatingHandler[] handlers)
        : this(CreateKubernetes(configuration, handlers), configuration.Namespace, json, configuration.HttpClientTimeout)
    {
        _ownsKubernetes = true;
    }

    /// <summary>A facade over a shared official client (one connection pool for every caller).</summary>
    public KubernetesClient(IKubernetes kubernetes, string? defaultNamespace, EntityJson? json = null, TimeSpan? requestTimeout = null)
    {
        ArgumentNullException.ThrowIfNull(kubernetes);
        _kubernetes = kubernetes;
        DefaultNamespace = defaultNamespace;
        _json = json ?? EntityJson.BuiltIn;
        _requestTimeout = requestTimeout ?? KubeConfiguration.DefaultRequestTimeout;
    }

    public string? DefaultNamespace { get; }

    /// <summary>The official client underneath, for operations the facade does not cover.</summary>
    public IKubernetes Kubernetes => _kubernetes;

    public async Task<TEntity?> GetAsync<TEntity>(string name, string? @namespace = null, CancellationToken cancellationToken = default)
        where TEntity : class, IKubernetesObject<V1ObjectMeta>
    {
        var resource = EntityResource.For<TEntity>();
        var ns = ItemNamespace(resource, @namespace, name);
        try
        {
            return await CallAsync<TEntity>(Describe("GET", resource, ns, name), token => ns is null
                ? _kubernetes.CustomObjects.GetClusterCustomObjectWithHttpMessagesAsync(
                    resource.Group, resource.Version, resource.Plural, name, cancellationToken: token)
                : _kubernetes.CustomObjects.GetNamespacedCustomObjectWithHttpMessagesAsync(
                    resource.Group, resource.Version, ns, resource.Plural, name, cancellationToken: token),
                cancellationToken).ConfigureAwait(false);
        }
        catch (KubernetesApiException e) when (e.IsNotFound)
        {
            return null;
        }
    }

    public Task<KubernetesList<TEntity>> ListPageAsync<TEntity>(
        string? @namespace = null, ListOptions? options = null, CancellationToken cancellationToken = default)
        where TEntity : class, IKubernetesObject<V1ObjectMeta>
    {
        var resource = EntityResource.For<TEntity>();
        var ns = resource.Namespaced ? @namespace : null;
        return CallAsync<KubernetesList<TEntity>>(Describe("GET", resource, ns, null),
            token => List(resource, ns, options ?? new ListOptions(), token), cancellationToken);
    }

    public async Task<KubernetesList<TEntity>> ListAsync<TEntity>(
        string? @namespace = null, ListOptions? options = null, CancellationToken cancellationToken = default)
        where TEntity : class, IKubernetesObject<V1ObjectMeta>
    {
        options ??= new ListOptions();
        var first = await ListPageAsync<TEntity>(@namespace, options, cancellationToken).ConfigureAwait(false);
        var items = new List<TEntity>(first.Items ?? []);
        first.Metadata ??= new V1ListMeta();
        var next = first.Metadata.ContinueProperty;
        while (!string.IsNullOrEmpty(next))
        {
            // A continue token pins the snapshot; the resourceVersion parameter must not accompany it.
            var page = await ListPageAsync<TEntity>(
                @namespace, options with { Continue = next, ResourceVersion = null }, cancellationToken).ConfigureAwait(false);
            items.AddRange(page.Items ?? []);
            next = page.Metadata?.ContinueProperty;
        }

        first.Items = items;
        first.Metadata.ContinueProperty = null;
        return first;
    }

    public Task<TEntity> CreateAsync<TEntity>(TEntity entity, CancellationToken cancellationToken = default)
        where TEntity : class, IKubernetesObject<V1ObjectMeta>
    {
        ArgumentNullException.ThrowIfNull(entity);
        var resource = EntityResource.For<TEntity>();
        var ns = NamespaceOf(entity, resource);
        var body = _json.ToBody(Stamped(entity, resource));
        return CallAsync<TEntity>(Describe("POST", resource, ns, null), token => ns is null
            ? _kubernetes.CustomObjects.CreateClusterCustomObjectWithHttpMessagesAsync(
                body, resource.Group, resource.Version, resource.Plural, cancellationToken: token)
            : _kubernetes.CustomObjects.CreateNamespacedCustomObjectWithHttpMessagesAsync(
                body, resource.Group, resource.Version, ns, resource.Plural, cancellationToken: token),
            cancellationToken);
    }

    public Task<TEntity> ReplaceAsync<TEntity>(TEntity entity, CancellationToken cancellationToken = default)
        where TEntity : class, IKubernetesObject<V1ObjectMeta> => Replace(entity, status: false, cancellationToken);

    public Task<TEntity> ReplaceStatusAsync<TEntity>(TEntity entity, CancellationToken cancellationToken = default)
        where TEntity : class, IKubernetesObject<V1ObjectMeta> => Replace(entity, status: true, cancellationToken);

    public Task<TEntity> PatchAsync<TEntity>(
        string name, string? @namespace, V1Patch patch, CancellationToken cancellationToken = default)
        where TEntity : class, IKubernetesObject<V1ObjectMeta> => Patch<TEntity>(name, @namespace, patch, status: false, cancellationToken);

    public Task<TEntity> PatchStatusAsync<TEntity>(
        string name, string? @namespace, V1Patch patch, CancellationToken cancellationToken = default)
        where TEntity : class, IKubernetesObject<V1ObjectMeta> => Patch<TEntity>(name, @namespace, patch, status: true, cancellationToken);

    public async Task<TEntity?> DeleteAsync<TEntity>(
        string name, string? @namespace = null, V1DeleteOptions? options = null, CancellationToken cancellationToken = default)
        where TEntity : class, IKubernetesObject<V1ObjectMeta>
    {
        var resource = EntityResource.For<TEntity>();
        var ns = ItemNamespace(resource, @namespace, name);
        var request = Describe("DELETE", resource, ns, name);
        var body = await RunAsync(request, async token => (await (ns is null
            ? _kubernetes.CustomObjects.DeleteClusterCustomObjectWithHttpMessagesAsync(
                resource.Group, resource.Version, resource.Plural, name, options, cancellationToken: token)
            : _kubernetes.CustomObjects.DeleteNamespacedCustomObjectWithHttpMessagesAsync(
                resource.Group, resource.Version, ns, resource.Plural, name, options, cancellationToken: token))
            .ConfigureAwait(false)).Body, cancellationToken).ConfigureAwait(false);
        // The server answers with the object (deletion pending on finalizers, or its final state) or with a Status.
        return body is System.Text.Json.JsonElement element
            && !(element.TryGetProperty("kind", out var kind) && kind.GetString() == "Status")
            ? _json.FromElement<TEntity>(element)
            : null;
    }

    public void Dispose()
    {
        if (_ownsKubernetes)
        {
            _kubernetes.Dispose();
        }
    }

    private Task<TEntity> Replace<TEntity>(TEntity entity, bool status, CancellationToken cancellationToken)
        where TEntity : class, IKubernetesObject<V1ObjectMeta>
    {
        ArgumentNullException.ThrowIfNull(entity);
        var resource = EntityResource.For<TEntity>();
        var ns = NamespaceOf(entity, resource);
        var name = NameOf(entity);
        var body = _json.ToBody(Stamped(entity, resource));
        var operations = _kubernetes.CustomObjects;
        return CallAsync<TEntity>(Describe("PUT", resource, ns, name, status), token => (ns, status) switch
        {
            (null, false) => operations.ReplaceClusterCustomObjectWithHttpMessagesAsync(
                body, resource.Group, resource.Version, resource.Plural, name, cancellationToken: token),
            (null, true) => operations.ReplaceClusterCustomObjectStatusWithHttpMessagesAsync(
                body, resource.Group, resource.Version, resource.Plural, name, cancellationToken: token),
            (_, false) => operations.ReplaceNamespacedCustomObjectWithHttpMessagesAsync(
                body, resource.Group, resource.Version, ns, resource.Plural, name, cancellationToken: token),
            (_, true) => operations.ReplaceNamespacedCustomObjectStatusWithHttpMessagesAsync(
                body, resource.Group, resource.Version, ns, resource.Plural, name, cancellationToken: token),
        }, cancellationToken);
    }

    private Task<TEntity> Patch<TEntity>(
        string name, string? @namespace, V1Patch patch, bool status, CancellationToken cancellationToken)
        where TEntity : class, IKubernetesObject<V1ObjectMeta>
    {
        ArgumentNullException.ThrowIfNull(patch);
        var resource = EntityResource.For<TEntity>();
        var ns = ItemNamespace(resource, @namespace, name);
        var operations = _kubernetes.CustomObjects;
        return CallAsync<TEntity>(Describe("PATCH", resource, ns, name, status), token => (ns, status) switch
        {
            (null, false) => operations.PatchClusterCustomObjectWithHttpMessagesAsync(
                patch, resource.Group, resource.Version, resource.Plural, name, cancellationToken: token),
            (null, true) => operations.PatchClusterCustomObjectStatusWithHttpMessagesAsync(
                patch, resource.Group, resource.Version, resource.Plural, name, cancellationToken: token),
            (_, false) => operations.PatchNamespacedCustomObjectWithHttpMessagesAsync(
                patch, resource.Group, resource.Version, ns, resource.Plural, name, cancellationToken: token),
            (_, true) => operations.PatchNamespacedCustomObjectStatusWithHttpMessagesAsync(
                patch, resource.Group, resource.Version, ns, resource.Plural, name, cancellationToken: token),
        }, cancellationToken);
    }

    private Task<k8s.Autorest.HttpOperationResponse<object>> List(
        EntityResource resource, string? ns, ListOptions options, CancellationToken token) =>
        ns is null
            ? _kubernetes.CustomObjects.ListClusterCustomObjectWithHttpMessagesAsync(
                resource.Group, resource.Version, resource.Plural, continueParameter: options.Continue,
                fieldSelector: options.FieldSelector, labelSelector: options.LabelSelector, limit: options.Limit,
                resourceVersion: options.ResourceVersion, cancellationToken: token)
            : _kubernetes.CustomObjects.ListNamespacedCustomObjectWithHttpMessagesAsync(
                resource.Group, resource.Version, ns, resource.Plural, continueParameter: options.Continue,
                fieldSelector: options.FieldSelector, labelSelector: options.LabelSelector, limit: options.Limit,
                resourceVersion: options.ResourceVersion, cancellationToken: token);

    /// <summary>The namespace of a call on one object: the given one or the default; none for cluster-scoped kinds.</summary>
    private string? ItemNamespace(EntityResource resource, string? @namespace, string? name) =>
        resource.Namespaced
            ? @namespace ?? DefaultNamespace ?? throw new ArgumentException(
                $"{resource.Kind} '{name}' is namespaced: pass a namespace or set metadata.namespace " +
                "(the configuration names no default namespace).", nameof(@namespace))
            : null;

    private string? NamespaceOf(IKubernetesObject<V1ObjectMeta> entity, EntityResource resource) =>
        ItemNamespace(resource, entity.Metadata?.NamespaceProperty, entity.Metadata?.Name);

    /// <summary>
    /// Fills a missing apiVersion and kind from the entity's resource, as kubectl sends them (the official models leave
    /// both empty until set; an API server fills them from the URL, a validator or a log reader does not).
    /// </summary>
    private static TEntity Stamped<TEntity>(TEntity entity, EntityResource resource)
        where TEntity : IKubernetesObject<V1ObjectMeta>
    {
        if (string.IsNullOrEmpty(entity.ApiVersion))
        {
            entity.ApiVersion = resource.ApiVersion;
        }

        if (string.IsNullOrEmpty(entity.Kind))
        {
            entity.Kind = resource.Kind;
        }

        return entity;
    }

    private static string NameOf(IKubernetesObject<V1ObjectMeta> entity) =>
        entity.Metadata?.Name is { Length: > 0 } name ? name
        : throw new ArgumentException($"{entity.Kind}: metadata.name is empty; set it before replacing.", nameof(entity));

    private static KubernetesClientConfiguration Checked(KubernetesClientConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        KubeConfiguration.Check(configuration);
        return configuration;
    }

    private static Kubernetes CreateKubernetes(KubernetesClientConfiguration configuration, DelegatingHandler[] handlers) =>
        new(Checked(configuration), handlers);
}
