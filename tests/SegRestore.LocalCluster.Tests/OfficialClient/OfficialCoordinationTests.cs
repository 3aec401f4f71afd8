using k8s;
using k8s.Models;
using SegRestore.LocalCluster.Tests.Support;

namespace SegRestore.LocalCluster.Tests.OfficialClient;

/// <summary>Leases (what leader election writes) and core/v1 Events, typed through the official client.</summary>
[Collection(SharedCluster.Name)]
[Trait("Category", "Contract")]
public sealed class OfficialCoordinationTests(ClusterFixture cluster) : OfficialClientTest(cluster)
{
    [Fact]
    public async Task A_lease_is_created_renewed_and_a_stale_renewal_is_409()
    {
        var ns = await Cluster.NewNamespace();
        var now = DateTime.UtcNow;
        var lease = await Client.CoordinationV1.CreateNamespacedLeaseAsync(new V1Lease
        {
            Metadata = new V1ObjectMeta { Name = "leader" },
            Spec = new V1LeaseSpec { HolderIdentity = "a", LeaseDurationSeconds = 15, AcquireTime = now, RenewTime = now, LeaseTransitions = 0 },
        }, ns);
        lease.Spec.HolderIdentity.Should().Be("a");
        lease.Spec.RenewTime.Should().BeCloseTo(now, TimeSpan.FromSeconds(1), "MicroTime keeps sub-second precision");

        var stale = await Client.CoordinationV1.ReadNamespacedLeaseAsync("leader", ns);
        lease.Spec.RenewTime = now.AddSeconds(2);
        var renewed = await Client.CoordinationV1.ReplaceNamespacedLeaseAsync(lease, "leader", ns);
        renewed.Spec.RenewTime.Should().BeCloseTo(now.AddSeconds(2), TimeSpan.FromSeconds(1));

        stale.Spec.HolderIdentity = "b";
        stale.Spec.LeaseTransitions = 1;
        var status = await Client.CoordinationV1.ReplaceNamespacedLeaseAsync(stale, "leader", ns).AsStatus();
        status.Code.Should().Be(409);
        (await Client.CoordinationV1.ReadNamespacedLeaseAsync("leader", ns)).Spec.HolderIdentity.Should().Be("a");
    }

    [Fact]
    public async Task A_core_event_is_created_and_listed_by_its_involved_object()
    {
        var ns = await Cluster.NewNamespace();
        var regarding = await Client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "subject" } }, ns);
        var now = DateTime.UtcNow;
        await Client.CoreV1.CreateNamespacedEventAsync(new Corev1Event
        {
            Metadata = new V1ObjectMeta { Name = "subject.1" },
            InvolvedObject = new V1ObjectReference { ApiVersion = "v1", Kind = "ConfigMap", Name = "subject", NamespaceProperty = ns, Uid = regarding.Metadata.Uid },
            Reason = "Tested",
            Message = "the official client wrote this",
            Type = "Normal",
            Count = 1,
            FirstTimestamp = now,
            LastTimestamp = now,
            Source = new V1EventSource { Component = "contract-test" },
            ReportingComponent = "contract-test",
            ReportingInstance = "contract-test-1",
        }, ns);

        var events = await Client.CoreV1.ListNamespacedEventAsync(ns, fieldSelector: "involvedObject.name=subject");

        var only = events.Items.Should().ContainSingle().Subject;
        only.Reason.Should().Be("Tested");
        only.Message.Should().Be("the official client wrote this");
        only.InvolvedObject.Uid.Should().Be(regarding.Metadata.Uid);
    }
}
