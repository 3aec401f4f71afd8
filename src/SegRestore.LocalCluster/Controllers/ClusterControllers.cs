using Microsoft.Extensions.Logging;
using SegRestore.LocalCluster.Api;
using SegRestore.LocalCluster.Kubelet;
using SegRestore.LocalCluster.Semantics;
using SegRestore.LocalCluster.Storage;

namespace SegRestore.LocalCluster.Controllers;

/// <summary>Runs the in-process controllers (garbage collector, namespace and CRD cleanup, claim binder and
/// pvc-protection, process kubelet) on
/// one feed of every committed change, in commit order.</summary>
public sealed class ClusterControllers : IAsyncDisposable
{
    private readonly ObjectService _objects;
    private readonly GarbageCollector _collector;
    private readonly ClaimController _claims;
    private readonly ProcessKubelet? _kubelet;
    private readonly ILogger<ClusterControllers> _logger;
    private readonly CancellationTokenSource _stop = new();
    private Task _loop = Task.CompletedTask;

    public ClusterControllers(ObjectService objects, LocalClusterOptions options, ILoggerFactory loggers)
    {
        _objects = objects;
        _collector = new GarbageCollector(objects, loggers.CreateLogger<GarbageCollector>());
        _claims = new ClaimController(objects, loggers.CreateLogger<ClaimController>());
        _kubelet = options.Kubelet.Enabled
            ? new ProcessKubelet(objects, options.Kubelet, options.Time, loggers.CreateLogger<ProcessKubelet>())
            : null;
        _logger = loggers.CreateLogger<ClusterControllers>();
    }

    public IPodLogs? PodLogs => _kubelet;

    /// <summary>Where the kubelet keeps a claim's data; null without a kubelet.</summary>
    public string? ClaimDirectory(string ns, string claimName) => _kubelet?.ClaimDirectory(ns, claimName);

    public void Start()
    {
        var subscription = _objects.Store.Watch(null, null);
        _loop = Task.Run(() => RunAsync(subscription, _stop.Token));
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await _loop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }

        if (_kubelet is not null)
        {
            await _kubelet.DisposeAsync().ConfigureAwait(false);
        }

        _stop.Dispose();
    }

    /// <summary>
    /// Follows the store's feed; a subscription that fell behind its backlog limit (a busy server) is cut off like a
    /// watch that got 410 Gone, and the controllers then re-list and watch again, as an informer does. Before, the
    /// loop simply ended: garbage collection, CRD cleanup, claims and the kubelet stopped for the rest of the run.
    /// </summary>
    private async Task RunAsync(WatchSubscription first, CancellationToken cancellationToken)
    {
        var subscription = first;
        while (true)
        {
            using (subscription)
            {
                Guard(_collector.Resume);
                Guard(_claims.Resume);
                foreach (var obj in subscription.InitialObjects)
                {
                    Guard(() => _kubelet?.Observe(obj));
                }

                await foreach (var change in subscription.Events.ReadAllAsync(cancellationToken).ConfigureAwait(false))
                {
                    Guard(() => _collector.Handle(change));
                    Guard(() => _claims.Handle(change));
                    Guard(() => _kubelet?.Observe(change.Type == WatchEventType.Deleted ? null : change.Current, change));
                }

                if (!subscription.Expired || cancellationToken.IsCancellationRequested)
                {
                    return;
                }
            }

            _logger.LogWarning("The in-process controllers fell behind the change feed; re-listing and watching again");
            subscription = _objects.Store.Watch(null, null);
        }
    }

    private void Guard(Action action)
    {
        try
        {
            action();
        }
        catch (ApiException e)
        {
            _logger.LogWarning("Controller action failed: {Code} {Message}", e.Code, e.Message);
        }
    }
}
