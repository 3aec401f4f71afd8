using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging.Abstractions;
using SegRestore.Kube.Client;
using SegRestore.Kube.Informers;
using SegRestore.Kube.Runtime;
using SegRestore.Kube.Tests.Support;

namespace SegRestore.Kube.Tests.Acceptance;

[Collection(LocalClusterTests.Name)]
public sealed class InformerAcceptanceTests(LocalClusterFixture cluster) : IDisposable
{
    private readonly KubernetesClient _client = cluster.NewClient("informer-tests");
    private readonly KubernetesClient _writer = cluster.NewClient("writer");

    public void Dispose()
    {
        cluster.Server.Faults.Reset();
        _client.Dispose();
        _writer.Dispose();
    }

    /// <summary>Creates, updates and deletes configmaps among a fixed set of names until cancelled.</summary>
    private async Task MutateAsync(string ns, CancellationToken cancellationToken)
    {
        var random = new Random(7);
        var generation = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            var name = $"cm{random.Next(20)}";
            try
            {
                var existing = await _writer.GetAsync<V1ConfigMap>(name, ns, cancellationToken);
                if (existing is null)
                {
                    await _writer.CreateAsync(new V1ConfigMap
                    {
                        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns },
                        Data = new Dictionary<string, string> { ["generation"] = $"{++generation}" },
                    }, cancellationToken);
                }
                else if (random.Next(10) == 0)
                {
                    await _writer.DeleteAsync<V1ConfigMap>(name, ns, cancellationToken: cancellationToken);
                }
                else
                {
                    existing.Data = new Dictionary<string, string> { ["generation"] = $"{++generation}" };
                    await _writer.ReplaceAsync(existing, cancellationToken);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }

            await Task.Delay(5, CancellationToken.None);
        }
    }

    private static Dictionary<string, string> Snapshot(IEnumerable<V1ConfigMap> maps) =>
        maps.ToDictionary(m => m.Metadata.Name!, m => $"{m.Metadata.ResourceVersion}:{m.Data?["generation"]}");

    [Fact]
    public async Task Informer_survives_20_stream_drops_and_5_forced_410s_and_delivers_every_final_state()
    {
        var ns = await cluster.NewNamespaceAsync(_client, "informer");
        var informer = new ResourceInformer<V1ConfigMap>(_client, new InformerOptions
        {
            Namespace = ns,
            PageSize = 4,
            Backoff = new BackoffPolicy(TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(500), 0.5),
            HealthyStreamAge = TimeSpan.FromMilliseconds(100),
        }, NullLogger<ResourceInformer<V1ConfigMap>>.Instance);
        var delivered = new Dictionary<string, V1ConfigMap>();
        informer.AddHandler(e =>
        {
            lock (delivered)
            {
                if (e.Type == WatchEventType.Deleted)
                {
                    delivered.Remove(e.Entity.Metadata.Name!);
                }
                else
                {
                    delivered[e.Entity.Metadata.Name!] = e.Entity;
                }
            }
        });
        using var stop = new CancellationTokenSource();
        using var stopWriter = new CancellationTokenSource();
        // LocalCluster reads the drop interval when a stream starts, so it is set before the first watch.
        var faults = cluster.Server.Faults;
        faults.DropWatchesEvery = TimeSpan.FromMilliseconds(150);
        var run = informer.RunAsync(stop.Token);
        var writer = MutateAsync(ns, stopWriter.Token);
        await informer.WaitForSyncAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));
        await Eventually.AssertAsync(() => informer.WatchCount >= 21, "20 streams are dropped and resumed", TimeSpan.FromSeconds(60));
        faults.ForceGoneOnNextWatch(inStream: false, count: 2);
        await Eventually.AssertAsync(() => informer.ListCount >= 3, "two HTTP 410s on watch start force re-lists", TimeSpan.FromSeconds(60));
        faults.ForceGoneOnNextWatch(inStream: true, count: 3);
        await Eventually.AssertAsync(() => informer.ListCount >= 6, "three in-stream 410s force re-lists", TimeSpan.FromSeconds(60));
        faults.Reset();
        await stopWriter.CancelAsync();
        await writer;

        var final = Snapshot((await _writer.ListAsync<V1ConfigMap>(ns)).Items);
        await Eventually.AssertAsync(() =>
        {
            lock (delivered)
            {
                return Snapshot(delivered.Values).OrderBy(p => p.Key).SequenceEqual(final.OrderBy(p => p.Key))
                    && Snapshot(informer.Cache.List()).OrderBy(p => p.Key).SequenceEqual(final.OrderBy(p => p.Key));
            }
        }, "the delivered events and the cache converge on the server's final state", TimeSpan.FromSeconds(30));
        await stop.CancelAsync();
        await run;

        final.Should().NotBeEmpty();
        informer.WatchCount.Should().BeGreaterThanOrEqualTo(26);
        informer.ListCount.Should().BeGreaterThanOrEqualTo(6);
    }
}
