using k8s;
using k8s.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SegRestore.Kube.Client;
using SegRestore.Kube.Informers;
using SegRestore.Kube.Queue;

namespace SegRestore.Kube.Controller;

/// <summary>
/// Runs the controller of <typeparamref name="TEntity"/> while this replica leads: per leadership term a fresh
/// informer, owned-resource watches, one work queue and <see cref="EntityControllerOptions{TEntity}.WorkerCount"/>
/// workers. Losing leadership cancels the term, including running reconciles; the next term starts from a new list.
/// </summary>
public sealed partial class EntityControllerHost<TEntity>(
    IKubernetesClient client,
    ILeadership leadership,
    IServiceScopeFactory scopes,
    IEnumerable<IOwnedResourceWatch<TEntity>> ownedWatches,
    EntityControllerOptions<TEntity> options,
    ILoggerFactory loggerFactory,
    TimeProvider timeProvider,
    ControllerContext<TEntity> context) : BackgroundService
    where TEntity : class, IKubernetesObject<V1ObjectMeta>
{
    private readonly ILogger _logger = loggerFactory.CreateLogger<EntityControllerHost<TEntity>>();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            CancellationToken term;
            try
            {
                term = await leadership.WaitForLeadershipAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }

            using var running = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, term);
            LogTermStarted(_logger, typeof(TEntity).Name);
            try
            {
                await RunTermAsync(running.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (running.IsCancellationRequested)
            {
                // The term ended: shutdown or lost leadership.
            }

            LogTermEnded(_logger, typeof(TEntity).Name);
        }
    }

    private async Task RunTermAsync(CancellationToken cancellationToken)
    {
        using var queue = new WorkQueue(options.Queue, timeProvider);
        var informer = new ResourceInformer<TEntity>(
            client, options.Informer, loggerFactory.CreateLogger<ResourceInformer<TEntity>>(), timeProvider);
        var dispatcher = new ReconcileDispatcher<TEntity>(scopes, queue, informer.Cache.Get, _logger);
        informer.AddHandler(dispatcher.OnInformerEvent);
        if (options.RelatedKeys is { } related)
        {
            informer.AddHandler(e =>
            {
                foreach (var key in related(e.Entity, context))
                {
                    queue.Add(key);
                }
            });
        }

        context.Begin(informer.Cache, queue);

        var watches = new List<Task> { informer.RunAsync(cancellationToken) };
        watches.AddRange(ownedWatches.Select(w => w.RunAsync(queue, cancellationToken)));
        try
        {
            await informer.WaitForSyncAsync(cancellationToken).ConfigureAwait(false);
            var workers = Enumerable.Range(0, Math.Max(1, options.WorkerCount))
                .Select(_ => WorkAsync(queue, dispatcher, cancellationToken));
            await Task.WhenAll(watches.Concat(workers)).ConfigureAwait(false);
        }
        finally
        {
            context.End();
        }
    }

    private static async Task WorkAsync(WorkQueue queue, ReconcileDispatcher<TEntity> dispatcher, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var key = await queue.DequeueAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                await dispatcher.DispatchAsync(key, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                queue.Done(key);
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Kind} controller started (leading)")]
    private static partial void LogTermStarted(ILogger logger, string kind);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Kind} controller stopped")]
    private static partial void LogTermEnded(ILogger logger, string kind);
}
