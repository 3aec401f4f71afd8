using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;
using SegRestore.Kube.Client;

namespace SegRestore.Kube.Informers;

/// <summary>
/// List-then-watch with recovery (client-go's reflector + informer; KubeOps' <c>ResourceWatcher</c>): lists, then
/// watches from the list's resourceVersion; tracks the resourceVersion from every event and bookmark so a dropped
/// stream resumes where it stopped; re-lists on 410 Gone in either form, emitting synthetic deletes for objects that
/// vanished meanwhile; backs off on failures and forgets the backoff after a healthy stream; restarts a stream that
/// stays silent past <see cref="InformerOptions.IdleTimeout"/>.
/// </summary>
public sealed partial class ResourceInformer<TEntity>(
    IKubernetesClient client,
    InformerOptions options,
    ILogger<ResourceInformer<TEntity>> logger,
    TimeProvider? timeProvider = null)
    where TEntity : class, IKubernetesObject<V1ObjectMeta>
{
    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;
    private readonly List<Action<InformerEvent<TEntity>>> _handlers = [];
    private readonly TaskCompletionSource _synced = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Random _random = new();
    private int _relists;
    private int _watchStarts;

    public InformerCache<TEntity> Cache { get; } = new();

    /// <summary>The last resourceVersion seen (from a list, an event or a bookmark).</summary>
    public string? LastResourceVersion { get; private set; }

    public bool HasSynced => _synced.Task.IsCompleted;

    /// <summary>How many lists were made (1 + re-lists after 410).</summary>
    public int ListCount => Volatile.Read(ref _relists);

    /// <summary>How many watch streams were opened.</summary>
    public int WatchCount => Volatile.Read(ref _watchStarts);

    /// <summary>Registers a handler; call before <see cref="RunAsync"/>. Handlers run on the informer's loop.</summary>
    public void AddHandler(Action<InformerEvent<TEntity>> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        _handlers.Add(handler);
    }

    /// <summary>Completes once the first list is in the cache.</summary>
    public Task WaitForSyncAsync(CancellationToken cancellationToken) => _synced.Task.WaitAsync(cancellationToken);

    /// <summary>Runs until cancelled; never ends on a server or network failure.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var failures = 0;
        var mustList = true;
        while (!cancellationToken.IsCancellationRequested)
        {
            var stream = new StreamProgress(_time.GetUtcNow());
            try
            {
                if (mustList)
                {
                    await ListAsync(cancellationToken).ConfigureAwait(false);
                    mustList = false;
                    failures = 0;
                }

                mustList = await WatchAsync(stream, cancellationToken).ConfigureAwait(false);
                if (IsHealthy(stream) || mustList)
                {
                    failures = 0;
                }
                else
                {
                    // A stream closed at once without a single event: do not spin on a server that keeps doing it.
                    failures++;
                    await Task.Delay(options.Backoff.Delay(failures, _random.NextDouble()), _time, cancellationToken)
                        .ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (KubernetesApiException e) when (e.IsGone)
            {
                LogGone(logger, typeof(TEntity).Name, LastResourceVersion);
                mustList = true;
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                failures = IsHealthy(stream) ? 1 : failures + 1;
                var delay = options.Backoff.Delay(failures, _random.NextDouble());
                LogStreamFailed(logger, typeof(TEntity).Name, failures, delay, e);
                if (!await BackOffAsync(delay, cancellationToken).ConfigureAwait(false))
                {
                    return;
                }
            }
        }
    }

    /// <summary>Waits out a backoff; false when the informer is stopped meanwhile (a stop is not a failure).</summary>
    private async Task<bool> BackOffAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private async Task ListAsync(CancellationToken cancellationToken)
    {
        var list = await client.ListAsync<TEntity>(options.Namespace, new ListOptions
        {
            LabelSelector = options.LabelSelector,
            FieldSelector = options.FieldSelector,
            Limit = options.PageSize,
        }, cancellationToken).ConfigureAwait(false);
        Interlocked.Increment(ref _relists);
        var change = Cache.Replace(list.Items);
        LastResourceVersion = list.Metadata.ResourceVersion;
        foreach (var entity in change.Deleted)
        {
            Emit(new InformerEvent<TEntity>(WatchEventType.Deleted, entity));
        }

        foreach (var entity in change.Added)
        {
            Emit(new InformerEvent<TEntity>(WatchEventType.Added, entity));
        }

        foreach (var entity in change.Modified)
        {
            Emit(new InformerEvent<TEntity>(WatchEventType.Modified, entity));
        }

        _synced.TrySetResult();
    }

    /// <summary>Follows one stream; returns true when the informer must re-list (410 in the stream).</summary>
    private async Task<bool> WatchAsync(StreamProgress stream, CancellationToken cancellationToken)
    {
        var idleTimeout = options.EffectiveIdleTimeout;
        using var watchdog = new CancellationTokenSource(idleTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, watchdog.Token);
        Interlocked.Increment(ref _watchStarts);
        var watch = client.WatchAsync<TEntity>(options.Namespace, new ListOptions
        {
            LabelSelector = options.LabelSelector,
            FieldSelector = options.FieldSelector,
            ResourceVersion = LastResourceVersion,
            AllowWatchBookmarks = true,
            TimeoutSeconds = (int)Math.Max(1, options.WatchTimeout.TotalSeconds),
        }, linked.Token);
        try
        {
            await foreach (var watchEvent in watch.ConfigureAwait(false))
            {
                watchdog.CancelAfter(idleTimeout);
                stream.Events++;
                if (watchEvent.Type == WatchEventType.Error)
                {
                    if (watchEvent.Status?.Code == 410)
                    {
                        LogGone(logger, typeof(TEntity).Name, LastResourceVersion);
                        return true;
                    }

                    throw new KubernetesApiException(watchEvent.Status ?? new V1Status { Message = "watch ERROR event" });
                }

                Apply(watchEvent);
            }
        }
        catch (Exception) when (watchdog.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            LogWatchdog(logger, typeof(TEntity).Name, idleTimeout);
        }

        return false;
    }

    private void Apply(WatchEvent<TEntity> watchEvent)
    {
        if (watchEvent.Object?.Metadata.ResourceVersion is { Length: > 0 } resourceVersion)
        {
            LastResourceVersion = resourceVersion;
        }

        if (watchEvent.Type == WatchEventType.Bookmark || watchEvent.Object is null)
        {
            return;
        }

        if (watchEvent.Type == WatchEventType.Deleted)
        {
            var previous = Cache.Remove(Runtime.ObjectKey.Of(watchEvent.Object));
            Emit(new InformerEvent<TEntity>(WatchEventType.Deleted, watchEvent.Object ?? previous!));
            return;
        }

        var replaced = Cache.Upsert(watchEvent.Object);
        Emit(new InformerEvent<TEntity>(replaced is null ? WatchEventType.Added : WatchEventType.Modified, watchEvent.Object));
    }

    private void Emit(InformerEvent<TEntity> informerEvent)
    {
        foreach (var handler in _handlers)
        {
            try
            {
                handler(informerEvent);
            }
            catch (Exception e)
            {
                // One faulty handler must not stop the stream for the others.
                LogHandlerFailed(logger, typeof(TEntity).Name, e);
            }
        }
    }

    private bool IsHealthy(StreamProgress stream) =>
        stream.Events > 0 || _time.GetUtcNow() - stream.StartedAt >= options.HealthyStreamAge;

    private sealed class StreamProgress(DateTimeOffset startedAt)
    {
        public DateTimeOffset StartedAt { get; } = startedAt;

        public int Events { get; set; }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Kind} watch: resourceVersion {ResourceVersion} is gone (410); re-listing")]
    private static partial void LogGone(ILogger logger, string kind, string? resourceVersion);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Kind} watch failed (attempt {Attempt}); retrying in {Delay}")]
    private static partial void LogStreamFailed(ILogger logger, string kind, int attempt, TimeSpan delay, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Kind} watch was silent for {IdleTimeout}; restarting it")]
    private static partial void LogWatchdog(ILogger logger, string kind, TimeSpan idleTimeout);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Kind} informer handler failed")]
    private static partial void LogHandlerFailed(ILogger logger, string kind, Exception exception);
}
