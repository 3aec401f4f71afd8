using k8s;
using k8s.Models;
using SegRestore.Kube.Client;

namespace SegRestore.E2E.Tests.Infrastructure;

/// <summary>
/// A list-then-watch loop for the test's observers: the first watch (no resourceVersion) replays the current objects
/// as ADDED; when a stream ends it resumes from the last resourceVersion, and after a 410 starts over. Each event is
/// handed to the callback with a local receive time, so observers never depend on server clocks.
/// </summary>
public sealed class ResourceWatcher<TEntity> : IAsyncDisposable
    where TEntity : class, IKubernetesObject<V1ObjectMeta>
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public ResourceWatcher(IKubernetesClient client, string @namespace, Action<WatchEventType, TEntity> onEvent)
    {
        _loop = Task.Run(() => RunAsync(client, @namespace, onEvent, _stop.Token));
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
            // stopping is the point
        }

        _stop.Dispose();
    }

    private static async Task RunAsync(
        IKubernetesClient client, string @namespace, Action<WatchEventType, TEntity> onEvent, CancellationToken cancellationToken)
    {
        string? resourceVersion = null;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                var options = new ListOptions { ResourceVersion = resourceVersion, AllowWatchBookmarks = true, TimeoutSeconds = 300 };
                await foreach (var e in client.WatchAsync<TEntity>(@namespace, options, cancellationToken))
                {
                    if (e.Type == WatchEventType.Error)
                    {
                        resourceVersion = null;
                        break;
                    }

                    if (e.Object is null)
                    {
                        continue;
                    }

                    resourceVersion = e.Object.Metadata.ResourceVersion ?? resourceVersion;
                    if (e.Type != WatchEventType.Bookmark)
                    {
                        onEvent(e.Type, e.Object);
                    }
                }
            }
            catch (KubernetesApiException e) when (e.IsGone)
            {
                resourceVersion = null;
            }
            catch (HttpRequestException) when (!cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(Poll.Interval, cancellationToken);
            }
        }
    }
}
