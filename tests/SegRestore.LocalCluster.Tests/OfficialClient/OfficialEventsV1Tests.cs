using k8s;
using k8s.Models;
using SegRestore.LocalCluster.Tests.Support;

namespace SegRestore.LocalCluster.Tests.OfficialClient;

/// <summary>events.k8s.io/v1 Events (what an EventRecorder on the official client writes), typed.</summary>
[Collection(SharedCluster.Name)]
[Trait("Category", "Contract")]
public sealed class OfficialEventsV1Tests(ClusterFixture cluster) : OfficialClientTest(cluster)
{
    [Fact]
    public async Task An_events_v1_event_is_created_listed_by_regarding_and_read_back_as_a_core_event()
    {
        var ns = await Cluster.NewNamespace();
        var subject = await Client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "subject" } }, ns);
        await Client.EventsV1.CreateNamespacedEventAsync(new Eventsv1Event
        {
            Metadata = new V1ObjectMeta { Name = "subject.v1" },
            EventTime = DateTime.UtcNow,
            Action = "Restore",
            Reason = "SegmentStarted",
            Note = "written through events.k8s.io/v1",
            Type = "Normal",
            ReportingController = "segrestore.io/operator",
            ReportingInstance = "segrestore-operator-0",
            Regarding = new V1ObjectReference { ApiVersion = "v1", Kind = "ConfigMap", Name = "subject", NamespaceProperty = ns, Uid = subject.Metadata.Uid },
        }, ns);

        var listed = await Client.EventsV1.ListNamespacedEventAsync(ns, fieldSelector: "regarding.name=subject,reportingController=segrestore.io/operator");
        var core = await Client.CoreV1.ReadNamespacedEventAsync("subject.v1", ns);

        listed.Items.Should().ContainSingle().Which.Note.Should().Be("written through events.k8s.io/v1");
        core.Message.Should().Be("written through events.k8s.io/v1");
        core.InvolvedObject.Uid.Should().Be(subject.Metadata.Uid);
        core.ReportingComponent.Should().Be("segrestore.io/operator");
    }

    [Fact]
    public async Task An_events_v1_event_without_its_required_fields_is_refused_with_422()
    {
        var ns = await Cluster.NewNamespace();

        var status = await Client.EventsV1.CreateNamespacedEventAsync(new Eventsv1Event { Metadata = new V1ObjectMeta { Name = "bare" }, Reason = "R" }, ns).AsStatus();

        status.Code.Should().Be(422);
        status.Reason.Should().Be("Invalid");
        status.Details.Causes.Select(c => c.Field).Should().Contain("eventTime");
    }
}
