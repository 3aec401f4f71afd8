using k8s;
using k8s.Models;
using Microsoft.Extensions.DependencyInjection;
using SegRestore.Kube.Client;
using SegRestore.Kube.Controller;
using SegRestore.Kube.Informers;
using SegRestore.Kube.LeaderElection;
using SegRestore.Kube.Tests.Support;

namespace SegRestore.Kube.Tests.Acceptance;

[Collection(LocalClusterTests.Name)]
public sealed class LeaderElectionAcceptanceTests(LocalClusterFixture cluster) : IDisposable
{
    private readonly KubernetesClient _writer = cluster.NewClient("writer");

    public void Dispose() => _writer.Dispose();

    private sealed record Replica(string Identity, ControllerHarness Harness, ReconcileCounter Counter, PartitionHandler Partition)
    {
        public bool IsLeader => Harness.Services.GetRequiredService<ILeadership>().IsLeader;
    }

    private Replica NewReplica(string identity, string ns)
    {
        // The elector talks to the Lease through the official client, so the partition sits in front of that one.
        var partition = new PartitionHandler(null, "/leases/");
        var client = cluster.NewClient(identity);
        var counter = new ReconcileCounter();
        var services = new ServiceCollection().AddSingleton<IKubernetesClient>(client).AddSingleton(client).AddSingleton(counter)
            .AddSingleton<k8s.IKubernetes>(new k8s.Kubernetes(cluster.Configuration.WithUserAgent(identity), partition));
        services.AddSegRestoreController<CountingReconciler, V1ConfigMap>(o => o.Informer = new InformerOptions { Namespace = ns });
        services.AddSegRestoreLeaderElection(o =>
        {
            o.LeaseName = "kube-tests";
            o.LeaseNamespace = ns;
            o.Identity = identity;
            // Shorter than the 15/10/2 defaults so the test stays quick; the takeover bound scales with them.
            o.LeaseDuration = TimeSpan.FromSeconds(8);
            o.RenewDeadline = TimeSpan.FromSeconds(5);
            o.RetryPeriod = TimeSpan.FromSeconds(1);
        });
        return new Replica(identity, new ControllerHarness(services), counter, partition);
    }

    private async Task TouchAsync(string ns, string name)
    {
        var map = await _writer.GetAsync<V1ConfigMap>(name, ns);
        if (map is null)
        {
            await _writer.CreateAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns } });
            return;
        }

        map.Data = new Dictionary<string, string> { ["touched"] = Guid.NewGuid().ToString() };
        await _writer.ReplaceAsync(map);
    }

    [Fact]
    public async Task Exactly_one_leads_and_a_partitioned_leader_is_replaced_and_stops_reconciling()
    {
        var ns = await cluster.NewNamespaceAsync(_writer, "election");
        var replicaA = NewReplica("replica-a", ns);
        var replicaB = NewReplica("replica-b", ns);
        await using var harnessA = replicaA.Harness;
        await using var harnessB = replicaB.Harness;
        await Task.WhenAll(harnessA.StartAsync(), harnessB.StartAsync());

        await Eventually.AssertAsync(() => replicaA.IsLeader || replicaB.IsLeader, "one replica acquires the lease");
        var (leader, follower) = replicaA.IsLeader ? (replicaA, replicaB) : (replicaB, replicaA);
        for (var i = 0; i < 30; i++)
        {
            (replicaA.IsLeader && replicaB.IsLeader).Should().BeFalse("two replicas never lead at once");
            await Task.Delay(50);
        }

        (await _writer.GetAsync<V1Lease>("kube-tests", ns))!.Spec!.HolderIdentity.Should().Be(leader.Identity);
        await TouchAsync(ns, "before");
        await Eventually.AssertAsync(() => leader.Counter.Saw("before"), "the leader reconciles");
        follower.Counter.Count.Should().Be(0, "a follower does not reconcile");

        leader.Partition.Blocked = true;
        var blockedAt = DateTime.UtcNow;
        await Eventually.AssertAsync(() => follower.IsLeader, "the follower takes over within 20 s", TimeSpan.FromSeconds(20));
        var takeover = DateTime.UtcNow - blockedAt;
        await Eventually.AssertAsync(() => !leader.IsLeader, "the partitioned leader steps down");
        var leaderCountAfterLoss = leader.Counter.Count;
        await TouchAsync(ns, "after");
        await TouchAsync(ns, "before");
        await Eventually.AssertAsync(() => follower.Counter.Saw("after"), "the new leader reconciles");
        await Task.Delay(500);

        takeover.Should().BeLessThan(TimeSpan.FromSeconds(20));
        leader.Counter.Count.Should().Be(leaderCountAfterLoss, "the old leader stopped reconciling when it lost the lease");
        (await _writer.GetAsync<V1Lease>("kube-tests", ns))!.Spec!.HolderIdentity.Should().Be(follower.Identity);

        // Regaining: heal the partition and stop the new leader (it releases the lease); the old one leads again.
        leader.Partition.Blocked = false;
        await (follower == replicaA ? harnessA : harnessB).StopAsync();
        await Eventually.AssertAsync(() => leader.IsLeader, "the healed replica regains leadership");
        await TouchAsync(ns, "regained");
        await Eventually.AssertAsync(() => leader.Counter.Saw("regained"), "a regained leader runs a fresh controller");
    }
}
