using k8s.Autorest;

namespace SegRestore.Kube.Client;

public sealed partial class KubernetesClient
{
    /// <summary>One official call whose body becomes <typeparamref name="T"/> through <see cref="EntityJson"/>.</summary>
    private async Task<T> CallAsync<T>(
        string request, Func<CancellationToken, Task<HttpOperationResponse<object>>> call, CancellationToken cancellationToken)
    {
        var body = await RunAsync(request, async token => (await call(token).ConfigureAwait(false)).Body, cancellationToken)
            .ConfigureAwait(false);
        return _json.FromBody<T>(body, request);
    }

    /// <summary>
    /// One official call with the failures said as this client says them: the server's refusal as
    /// <see cref="KubernetesApiException"/> with its Status, a request that outlived the official per-request timeout
    /// as <see cref="TimeoutException"/>, an exec plugin that fails on refresh as a failed request (not a crash).
    /// </summary>
    private async Task<T> RunAsync<T>(string request, Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await call(cancellationToken).ConfigureAwait(false);
        }
        catch (HttpOperationException e)
        {
            throw KubernetesApiException.From(e);
        }
        catch (k8s.Exceptions.KubeConfigException e)
        {
            throw new KubernetesApiException($"{request}: could not obtain credentials: {e.Message}", e);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException(
                $"{request} did not complete within {_requestTimeout.TotalSeconds:0.###} s " +
                "(RequestTimeout: KubernetesClientConfiguration.HttpClientTimeout).");
        }
    }

    /// <summary>"GET /api/v1/namespaces/ns/pods/name": the request as the messages name it.</summary>
    private static string Describe(string verb, EntityResource resource, string? ns, string? name, bool status = false)
    {
        var root = resource.Group.Length == 0 ? $"/api/{resource.Version}" : $"/apis/{resource.Group}/{resource.Version}";
        var scope = ns is null ? "" : $"/namespaces/{Uri.EscapeDataString(ns)}";
        var item = name is null ? "" : "/" + Uri.EscapeDataString(name);
        return $"{verb} {root}{scope}/{resource.Plural}{item}{(status ? "/status" : "")}";
    }
}
