using System.Collections.Concurrent;
using k8s;
using k8s.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SegRestore.Kube.Informers;
using SegRestore.Kube.Queue;
using SegRestore.Kube.Runtime;

namespace SegRestore.Kube.Controller;

/// <summary>
/// Feeds informer events into the queue and runs one dequeued key: the cached object goes to
/// <see cref="IEntityController{TEntity}.ReconcileAsync"/>, an object deleted from the server to
/// <see cref="IEntityController{TEntity}.DeletedAsync"/>; the result becomes queue actions.
/// </summary>
public sealed partial class ReconcileDispatcher<TEntity>(
    IServiceScopeFactory scopes,
    IWorkQueue queue,
    Func<ObjectKey, TEntity?> lookup,
    ILogger logger)
    where TEntity : class, IKubernetesObject<V1ObjectMeta>
{
    private readonly ConcurrentDictionary<ObjectKey, TEntity> _deleted = new();

    /// <summary>An informer handler: every change of the primary kind wakes its key.</summary>
    public void OnInformerEvent(InformerEvent<TEntity> informerEvent)
    {
        ArgumentNullException.ThrowIfNull(informerEvent);
        var key = ObjectKey.Of(informerEvent.Entity);
        if (informerEvent.Type == WatchEventType.Deleted)
        {
            _deleted[key] = informerEvent.Entity;
        }
        else
        {
            _deleted.TryRemove(key, out _);
        }

        queue.Add(key);
    }

    public async Task DispatchAsync(ObjectKey key, CancellationToken cancellationToken)
    {
        var entity = lookup(key);
        using var logScope = logger.BeginScope(new Dictionary<string, object> { ["Kind"] = typeof(TEntity).Name, ["Key"] = key.ToString() });
        var scope = scopes.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            var controller = scope.ServiceProvider.GetRequiredService<IEntityController<TEntity>>();
            try
            {
                if (entity is not null)
                {
                    var result = await controller.ReconcileAsync(entity, cancellationToken).ConfigureAwait(false);
                    ReconcileResultHandler.Apply(queue, key, result);
                }
                else if (_deleted.TryRemove(key, out var lastState))
                {
                    await controller.DeletedAsync(lastState, cancellationToken).ConfigureAwait(false);
                    queue.Forget(key);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Stopping (shutdown or lost leadership): the next term re-lists and wakes every key again.
                throw;
            }
            catch (Exception e)
            {
                LogReconcileFailed(logger, typeof(TEntity).Name, key.ToString(), queue.Failures(key) + 1, e);
                ReconcileResultHandler.ApplyFailure(queue, key);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reconcile of {Kind} {Key} failed (failure {Failures}); retrying with backoff")]
    private static partial void LogReconcileFailed(ILogger logger, string kind, string key, int failures, Exception exception);
}
