using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using k8s.Authentication;
using SegRestore.Kube.Models;
using SegRestore.Kube.Serialization;

namespace SegRestore.Kube.Client;

/// <summary>
/// The <see cref="IKubernetesClient"/> over one shared <see cref="HttpClient"/> (one connection pool for every call
/// and watch). Requests and their plumbing live in <c>KubernetesClient.Http.cs</c>. Where the server is, how to trust
/// it and who to be come from the official <see cref="k8s.KubernetesClientConfiguration"/>; its credentials (token,
/// token file, exec plugin, basic auth) are the official <see cref="ServiceClientCredentials"/>, applied per request.
/// </summary>
public sealed partial class KubernetesClient : IKubernetesClient, IDisposable
{
    private readonly k8s.KubernetesClientConfiguration _configuration;
    private readonly JsonSerializerOptions _json;
    private readonly HttpClient _http;
    private readonly ServiceClientCredentials? _credentials;
    private readonly string _baseUrl;

    public KubernetesClient(
        k8s.KubernetesClientConfiguration configuration,
        JsonSerializerOptions? json = null,
        HttpMessageHandler? handler = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        _configuration = configuration;
        _json = json ?? KubernetesJson.Default;
        var host = KubeConfiguration.HostUri(configuration);
        // The per-request timeout is applied per call (watches must outlive it), so the HttpClient has none.
        _http = new HttpClient(handler ?? KubernetesHttpHandler.Create(configuration), disposeHandler: true)
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
        _http.DefaultRequestHeaders.UserAgent.ParseAdd(configuration.UserAgent ?? KubeConfiguration.DefaultUserAgent);
        _credentials = k8s.Kubernetes.CreateCredentials(configuration);
        _baseUrl = host.ToString().TrimEnd('/');
    }

    public string? DefaultNamespace => _configuration.Namespace;

    public async Task<TEntity?> GetAsync<TEntity>(string name, string? @namespace = null, CancellationToken cancellationToken = default)
        where TEntity : class, IKubernetesObject<V1ObjectMeta>
    {
        var path = ResourcePaths.Item(EntityResource.For<TEntity>(), @namespace ?? DefaultNamespace, name);
        try
        {
            return await SendAsync<TEntity>(HttpMethod.Get, path, null, cancellationToken).ConfigureAwait(false);
        }
        catch (KubernetesException e) when (e.IsNotFound)
        {
            return null;
        }
    }

    public Task<KubernetesList<TEntity>> ListPageAsync<TEntity>(
        string? @namespace = null, ListOptions? options = null, CancellationToken cancellationToken = default)
        where TEntity : class, IKubernetesObject<V1ObjectMeta>
    {
        var path = ResourcePaths.Collection(EntityResource.For<TEntity>(), @namespace)
            + ResourcePaths.Query(options, watch: false);
        return SendAsync<KubernetesList<TEntity>>(HttpMethod.Get, path, null, cancellationToken);
    }

    public async Task<KubernetesList<TEntity>> ListAsync<TEntity>(
        string? @namespace = null, ListOptions? options = null, CancellationToken cancellationToken = default)
        where TEntity : class, IKubernetesObject<V1ObjectMeta>
    {
        options ??= new ListOptions();
        var first = await ListPageAsync<TEntity>(@namespace, options, cancellationToken).ConfigureAwait(false);
        var items = new List<TEntity>(first.Items);
        var next = first.Metadata.ContinueProperty;
        while (!string.IsNullOrEmpty(next))
        {
            // A continue token pins the snapshot; the resourceVersion parameter must not accompany it.
            var page = await ListPageAsync<TEntity>(
                @namespace, options with { Continue = next, ResourceVersion = null }, cancellationToken).ConfigureAwait(false);
            items.AddRange(page.Items);
            next = page.Metadata.ContinueProperty;
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
        var @namespace = NamespaceOf(entity, resource);
        return SendAsync<TEntity>(HttpMethod.Post, ResourcePaths.Collection(resource, @namespace),
            JsonBody(entity), cancellationToken);
    }

    public Task<TEntity> ReplaceAsync<TEntity>(TEntity entity, CancellationToken cancellationToken = default)
        where TEntity : class, IKubernetesObject<V1ObjectMeta> => Replace(entity, null, cancellationToken);

    public Task<TEntity> ReplaceStatusAsync<TEntity>(TEntity entity, CancellationToken cancellationToken = default)
        where TEntity : class, IKubernetesObject<V1ObjectMeta> => Replace(entity, "status", cancellationToken);

    public Task<TEntity> PatchAsync<TEntity>(
        string name, string? @namespace, V1Patch patch, CancellationToken cancellationToken = default)
        where TEntity : class, IKubernetesObject<V1ObjectMeta> => Patch<TEntity>(name, @namespace, patch, null, cancellationToken);

    public Task<TEntity> PatchStatusAsync<TEntity>(
        string name, string? @namespace, V1Patch patch, CancellationToken cancellationToken = default)
        where TEntity : class, IKubernetesObject<V1ObjectMeta> => Patch<TEntity>(name, @namespace, patch, "status", cancellationToken);

    public async Task<TEntity?> DeleteAsync<TEntity>(
        string name, string? @namespace = null, V1DeleteOptions? options = null, CancellationToken cancellationToken = default)
        where TEntity : class, IKubernetesObject<V1ObjectMeta>
    {
        var path = ResourcePaths.Item(EntityResource.For<TEntity>(), @namespace ?? DefaultNamespace, name);
        var body = options is null ? null : JsonBody(options);
        using var document = await SendAsync<JsonDocument>(HttpMethod.Delete, path, body, cancellationToken)
            .ConfigureAwait(false);
        var isStatus = document.RootElement.TryGetProperty("kind", out var kind) && kind.GetString() == "Status";
        return isStatus ? null : document.RootElement.Deserialize((JsonTypeInfo<TEntity>)_json.GetTypeInfo(typeof(TEntity)));
    }

    public async IAsyncEnumerable<WatchEvent<TEntity>> WatchAsync<TEntity>(
        string? @namespace = null,
        ListOptions? options = null,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
        where TEntity : class, IKubernetesObject<V1ObjectMeta>
    {
        var path = ResourcePaths.Collection(EntityResource.For<TEntity>(), @namespace)
            + ResourcePaths.Query(options, watch: true);
        using var response = await SendRawAsync(HttpMethod.Get, path, null, streamBody: true, cancellationToken)
            .ConfigureAwait(false);
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            await foreach (var watchEvent in WatchEventParser.ReadAsync<TEntity>(stream, _json, cancellationToken)
                .ConfigureAwait(false))
            {
                yield return watchEvent;
            }
        }
    }

    public void Dispose() => _http.Dispose();

    private Task<TEntity> Replace<TEntity>(TEntity entity, string? subresource, CancellationToken cancellationToken)
        where TEntity : class, IKubernetesObject<V1ObjectMeta>
    {
        ArgumentNullException.ThrowIfNull(entity);
        var resource = EntityResource.For<TEntity>();
        var path = ResourcePaths.Item(resource, NamespaceOf(entity, resource), NameOf(entity), subresource);
        return SendAsync<TEntity>(HttpMethod.Put, path, JsonBody(entity), cancellationToken);
    }

    private Task<TEntity> Patch<TEntity>(
        string name, string? @namespace, V1Patch patch, string? subresource, CancellationToken cancellationToken)
        where TEntity : class, IKubernetesObject<V1ObjectMeta>
    {
        ArgumentNullException.ThrowIfNull(patch);
        var path = ResourcePaths.Item(EntityResource.For<TEntity>(), @namespace ?? DefaultNamespace, name, subresource);
        var content = new StringContent(patch.Content, System.Text.Encoding.UTF8);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(patch.ContentType);
        return SendAsync<TEntity>(HttpMethod.Patch, path, content, cancellationToken);
    }

    private string? NamespaceOf(IKubernetesObject<V1ObjectMeta> entity, EntityResource resource) =>
        resource.Namespaced ? entity.Metadata.NamespaceProperty ?? DefaultNamespace : null;

    private static string NameOf(IKubernetesObject<V1ObjectMeta> entity) =>
        entity.Metadata.Name is { Length: > 0 } name ? name
        : throw new ArgumentException($"{entity.Kind}: metadata.name is empty; set it before replacing.", nameof(entity));
}
