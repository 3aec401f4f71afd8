using k8s;
using k8s.Models;
using SegRestore.Api.Labels;
using SegRestore.Kube.Client;

namespace SegRestore.Chaos.Tests.Infrastructure;

/// <summary>
/// Watches the worker pods for the whole chaos run and feeds <see cref="LivePodBook"/>. The run cuts and 410s every
/// watch, this one included, so the loop is list-then-watch: each (re)start lists (a consistent snapshot replaces the
/// book), then watches from the list's resourceVersion; any end, error or 410 goes back to listing.
/// </summary>
public sealed class LivePodMonitor : IAsyncDisposable
{
    private readonly LivePodBook _book = new();
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private int _relists;

    public LivePodMonitor(IKubernetesClient client, string @namespace)
    {
        _loop = Task.Run(() => RunAsync(client, @namespace, _stop.Token));
    }

    public IReadOnlyList<string> Violations
    {
        get
        {
            lock (_gate)
            {
                return _book.Violations.ToList();
            }
        }
    }

    public int MaxLivePerSegment
    {
        get
        {
            lock (_gate)
            {
                return _book.MaxLivePerSegment;
            }
        }
    }

    public int Observations
    {
        get
        {
            lock (_gate)
            {
                return _book.Observations;
            }
        }
    }

    /// <summary>How often the watch had to start over from a list (cut streams, 410s).</summary>
    public int Relists => Volatile.Read(ref _relists);

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

    private static string? SegmentOf(V1Pod pod) =>
        pod.Metadata.Labels?.TryGetValue(SegRestoreLabels.SegmentUid, out var uid) == true ? uid : null;

    private static string Now() => DateTime.UtcNow.ToString("HH:mm:ss.fff", System.Globalization.CultureInfo.InvariantCulture);

    private async Task RunAsync(IKubernetesClient client, string @namespace, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                var list = await client.ListAsync<V1Pod>(@namespace, cancellationToken: cancellationToken);
                Interlocked.Increment(ref _relists);
                lock (_gate)
                {
                    _book.Replace(
                        list.Items.Where(p => SegmentOf(p) is not null)
                            .Select(p => (p.Metadata.Name ?? "", SegmentOf(p)!, LivePodBook.IsLive(false, p.Status?.Phase))),
                        $"{Now()} list");
                }

                var options = new ListOptions { ResourceVersion = list.Metadata.ResourceVersion, AllowWatchBookmarks = true, TimeoutSeconds = 300 };
                await foreach (var e in client.WatchAsync<V1Pod>(@namespace, options, cancellationToken))
                {
                    if (e.Type == WatchEventType.Error)
                    {
                        break;
                    }

                    if (e.Object is not { } pod || e.Type == WatchEventType.Bookmark || SegmentOf(pod) is not { } segmentUid)
                    {
                        continue;
                    }

                    var name = pod.Metadata.Name ?? "";
                    lock (_gate)
                    {
                        var when = $"{Now()} {e.Type} {name} ({pod.Status?.Phase})";
                        if (e.Type == WatchEventType.Deleted)
                        {
                            _book.Forget(name, when);
                        }
                        else
                        {
                            _book.Observe(name, segmentUid, LivePodBook.IsLive(false, pod.Status?.Phase), when);
                        }
                    }
                }
            }
            catch (Exception) when (!cancellationToken.IsCancellationRequested)
            {
                // A cut stream, an injected 410 or 500: list again after a moment.
                await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
            }
        }
    }
}
