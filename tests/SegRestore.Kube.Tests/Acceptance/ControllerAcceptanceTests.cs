using System.Collections.Concurrent;
using k8s;
using k8s.Models;
using Microsoft.Extensions.DependencyInjection;
using SegRestore.Kube.Client;
using SegRestore.Kube.Controller;
using SegRestore.Kube.Informers;
using SegRestore.Kube.Queue;
using SegRestore.Kube.Runtime;
using SegRestore.Kube.Tests.Support;

namespace SegRestore.Kube.Tests.Acceptance;

[Collection(LocalClusterTests.Name)]
public sealed class ControllerAcceptanceTests(LocalClusterFixture cluster) : IDisposable
{
    private readonly KubernetesClient _client = cluster.NewClient("controller-tests");
    private readonly KubernetesClient _writer = cluster.NewClient("writer");

    public void Dispose()
    {
        cluster.Server.Faults.Reset();
        _client.Dispose();
        _writer.Dispose();
    }

    [Fact]
    public async Task A_key_is_never_reconciled_twice_at_once_under_8_workers_and_an_event_storm()
    {
        var ns = await cluster.NewNamespaceAsync(_client, "interlock");
        var probe = new InterlockProbe();
        var services = new ServiceCollection().AddSingleton<IKubernetesClient>(_client).AddSingleton(probe);
        services.AddSegRestoreController<InterlockReconciler, V1ConfigMap>(o =>
        {
            o.WorkerCount = 8;
            o.Informer = new InformerOptions { Namespace = ns };
        });
        await using var harness = new ControllerHarness(services);
        await harness.StartAsync();

        var names = Enumerable.Range(0, 6).Select(i => $"hot{i}").ToList();
        foreach (var name in names)
        {
            await _writer.CreateAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns } });
        }

        await Task.WhenAll(names.Select(async name =>
        {
            for (var i = 0; i < 40; i++)
            {
                var current = await _writer.GetAsync<V1ConfigMap>(name, ns);
                current!.Data = new Dictionary<string, string> { ["i"] = $"{i}" };
                await _writer.ReplaceAsync(current);
            }
        }));
        var final = (await _writer.ListAsync<V1ConfigMap>(ns)).Items.ToDictionary(m => ObjectKey.Of(m), m => m.Metadata.ResourceVersion);

        await Eventually.AssertAsync(() => final.All(f => probe.LastSeenVersion.TryGetValue(f.Key, out var seen) && seen == f.Value),
            "every key is reconciled at its final version");
        await harness.StopAsync();

        probe.Overlaps.Should().Be(0);
        probe.Reconciles.Should().BeGreaterThan(names.Count);
        probe.MaxConcurrency.Should().BeGreaterThan(1, "different keys do run in parallel");
    }

    [Fact]
    public async Task Backoff_grows_on_repeated_failure_and_resets_after_success_on_the_fake_clock()
    {
        var ns = await cluster.NewNamespaceAsync(_client, "backoff");
        var time = new ManualTimeProvider();
        var script = new FailureScript(1, 2, 3, 4, 6);
        var services = new ServiceCollection().AddSingleton<IKubernetesClient>(_client).AddSingleton<TimeProvider>(time).AddSingleton(script);
        services.AddSegRestoreController<ScriptedReconciler, V1ConfigMap>(o =>
        {
            o.WorkerCount = 2;
            o.Informer = new InformerOptions { Namespace = ns, IdleTimeout = TimeSpan.FromDays(1) };
            o.Queue = new WorkQueueOptions { Backoff = new BackoffPolicy(TimeSpan.FromMilliseconds(100), TimeSpan.FromMinutes(1), 0.5), Random = () => 0 };
        });
        await using var harness = new ControllerHarness(services);
        await harness.StartAsync();
        var created = await _writer.CreateAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "flaky", NamespaceProperty = ns } });

        for (var call = 1; call <= 4; call++)
        {
            await AdvanceToRetryAsync(time, script, call);
        }

        await Eventually.AssertAsync(() => script.Count == 5, "the fifth call succeeds");
        created.Data = new Dictionary<string, string> { ["poke"] = "1" };
        await _writer.ReplaceAsync(created);
        await Eventually.AssertAsync(() => script.Count == 6, "a change wakes the key again");
        await AdvanceToRetryAsync(time, script, 6);
        await Eventually.AssertAsync(() => script.Count == 7, "the retry after the new failure runs");

        var calls = script.Calls;
        var gaps = calls.Zip(calls.Skip(1), (a, b) => (int)(b - a).TotalMilliseconds).ToList();
        gaps[..4].Should().Equal(100, 200, 400, 800);
        gaps[5].Should().Be(100, "a success forgets the backoff");
    }

    [Fact]
    public async Task A_pods_change_wakes_its_owner_by_owner_reference()
    {
        var ns = await cluster.NewNamespaceAsync(_client, "owned");
        var counter = new ReconcileCounter();
        var services = new ServiceCollection().AddSingleton<IKubernetesClient>(_client).AddSingleton(counter);
        services.AddSegRestoreController<CountingReconciler, V1ConfigMap>(o => o.Informer = new InformerOptions { Namespace = ns })
            .WithOwned(OwnerMapping.ByOwnerReference<V1Pod, V1ConfigMap>(), new InformerOptions { Namespace = ns, LabelSelector = "app=worker" });
        await using var harness = new ControllerHarness(services);
        await harness.StartAsync();
        var owner = await _writer.CreateAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "owner", NamespaceProperty = ns } });
        await Eventually.AssertAsync(() => counter.Count == 1, "the owner is reconciled once on start");

        await _writer.CreateAsync(new V1Pod
        {
            Metadata = new V1ObjectMeta
            {
                Name = "worker",
                NamespaceProperty = ns,
                Labels = new Dictionary<string, string> { ["app"] = "worker" },
                OwnerReferences = [new V1OwnerReference { ApiVersion = "v1", Kind = "ConfigMap", Name = "owner", Uid = owner.Metadata.Uid!, Controller = true }],
            },
            Spec = new V1PodSpec { Containers = [new V1Container { Name = "c", Image = "busybox" }] },
        });

        await Eventually.AssertAsync(() => counter.Count >= 2, "the pod's creation wakes its owner");
    }

    /// <summary>Waits for call <paramref name="call"/> to fail and schedule its retry, then moves the clock to it.</summary>
    private static async Task AdvanceToRetryAsync(ManualTimeProvider time, FailureScript script, int call)
    {
        DateTimeOffset? due = null;
        await Eventually.AssertAsync(() =>
        {
            due = time.NextDue;
            return script.Count == call && due is { } d && d - time.GetUtcNow() < TimeSpan.FromMinutes(1);
        }, $"call {call} fails and schedules a retry");
        time.Advance(due!.Value - time.GetUtcNow());
        await Eventually.AssertAsync(() => script.Count == call + 1, $"the retry after call {call} runs");
    }
}
