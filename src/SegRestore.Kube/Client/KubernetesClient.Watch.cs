using System.Runtime.CompilerServices;
using System.Text.Json;
using k8s;
using k8s.Models;

namespace SegRestore.Kube.Client;

public sealed partial class KubernetesClient
{
    public async IAsyncEnumerable<WatchEvent<TEntity>> WatchAsync<TEntity>(
        string? @namespace = null,
        ListOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
        where TEntity : class, IKubernetesObject<V1ObjectMeta>
    {
        var resource = EntityResource.For<TEntity>();
        var ns = resource.Namespaced ? @namespace : null;
        var request = Describe("GET", resource, ns, null) + "?watch=true";
        var watchOptions = options ?? new ListOptions();
        // The official watcher reads the stream line by line; each object arrives as a tree for EntityJson, and an
        // ERROR line (a Status) arrives as the official KubernetesException through onError, which ends the stream.
        var events = Watch(resource, ns, watchOptions, cancellationToken).GetAsyncEnumerator(cancellationToken);
        await using (events.ConfigureAwait(false))
        {
            while (true)
            {
                WatchEvent<TEntity> next;
                try
                {
                    if (!await RunAsync(request, _ => events.MoveNextAsync().AsTask(), cancellationToken).ConfigureAwait(false))
                    {
                        yield break;
                    }

                    var (type, body) = events.Current;
                    next = new WatchEvent<TEntity>(type, body is JsonElement element ? _json.FromElement<TEntity>(element) : null, null);
                }
                catch (WatchFailure failure) when (failure.Cause is KubernetesException { Status: { } status })
                {
                    next = new WatchEvent<TEntity>(WatchEventType.Error, null, status);
                }
                catch (WatchFailure failure)
                {
                    throw new JsonException($"{request}: a watch event could not be read: {failure.Cause.Message}", failure.Cause);
                }
                catch (HttpRequestException e) when (e.InnerException is EndOfStreamException)
                {
                    // The official reader peeks the first line; a watch the server closes before any event (its
                    // timeoutSeconds ran out quietly) ends here as a stream that simply ended.
                    yield break;
                }

                yield return next;
                if (next.Type == WatchEventType.Error)
                {
                    yield break;
                }
            }
        }
    }

    private IAsyncEnumerable<(WatchEventType, object)> Watch(
        EntityResource resource, string? ns, ListOptions options, CancellationToken cancellationToken)
    {
        bool? bookmarks = options.AllowWatchBookmarks ? true : null;
        static void OnError(Exception e)
        {
            // The official reader reports a blank line as unreadable and goes on; an API server never sends one, a
            // proxy's keep-alive newline may, so it is skipped. Anything else ends the stream with its cause.
            if (e is JsonException { InnerException: { } reader } && reader.Message.StartsWith(EmptyLineMessage, StringComparison.Ordinal))
            {
                return;
            }

            throw new WatchFailure(e);
        }

        return ns is null
            ? _kubernetes.CustomObjects.WatchListClusterCustomObjectAsync(
                resource.Group, resource.Version, resource.Plural, bookmarks, fieldSelector: options.FieldSelector,
                labelSelector: options.LabelSelector, resourceVersion: options.ResourceVersion,
                timeoutSeconds: options.TimeoutSeconds, onError: OnError, cancellationToken: cancellationToken)
            : _kubernetes.CustomObjects.WatchListNamespacedCustomObjectAsync(
                resource.Group, resource.Version, ns, resource.Plural, bookmarks, fieldSelector: options.FieldSelector,
                labelSelector: options.LabelSelector, resourceVersion: options.ResourceVersion,
                timeoutSeconds: options.TimeoutSeconds, onError: OnError, cancellationToken: cancellationToken);
    }

    /// <summary>What System.Text.Json says of an empty input (messages are the invariant English ones here).</summary>
    private const string EmptyLineMessage = "The input does not contain any JSON tokens.";

    /// <summary>
    /// Carries a failure out of the official watcher's error callback. The official reader calls the callback again
    /// with what the callback threw, so <see cref="Cause"/> unwraps to the first failure.
    /// </summary>
    private sealed class WatchFailure(Exception inner) : Exception(inner.Message, inner)
    {
        public Exception Cause => InnerException is WatchFailure wrapped ? wrapped.Cause : InnerException!;
    }
}
