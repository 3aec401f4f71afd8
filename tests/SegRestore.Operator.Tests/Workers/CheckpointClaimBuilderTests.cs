using k8s;
using k8s.Models;
using SegRestore.Api.Labels;
using SegRestore.Operator.Configuration;
using SegRestore.Operator.Workers;

namespace SegRestore.Operator.Tests.Workers;

public sealed class CheckpointClaimBuilderTests
{
    private const string RootUid = "7C1D1E4A-0000-4000-8000-00000000AB12";

    [Fact]
    public void The_claim_is_named_by_the_root_uid_in_the_segments_namespace_and_owned_but_not_controlled_by_its_creator()
    {
        var claim = CheckpointClaimBuilder.Build(WorkerPodFixture.Segment(), RootUid, new CheckpointVolumeOptions { Size = "2Gi" });

        claim.Metadata.Name.Should().Be("segrestore-checkpoint-7c1d1e4a-0000-4000-8000-00000000ab12");
        claim.Metadata.NamespaceProperty.Should().Be("tidb");
        claim.Metadata.Labels.Should().Contain(SegRestoreLabels.Chain, RootUid).And.Contain(SegRestoreLabels.ManagedBy, SegRestoreLabels.ManagedByValue);
        claim.Metadata.OwnerReferences.Should().ContainSingle().Which.Should().BeEquivalentTo(new V1OwnerReference
        {
            ApiVersion = "segrestore.io/v1alpha1",
            Kind = "PointRestoreSegment",
            Name = "orders-1",
            Uid = "seg-uid-1",
            Controller = null,
            BlockOwnerDeletion = true,
        });
        claim.Spec!.AccessModes.Should().Equal("ReadWriteOnce");
        claim.Spec.Resources!.Requests!.ToDictionary(q => q.Key, q => q.Value.ToString()).Should().Equal(new Dictionary<string, string> { ["storage"] = "2Gi" });
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("", null)]
    [InlineData("fast-ssd", "fast-ssd")]
    public void An_empty_storage_class_leaves_the_choice_to_the_cluster_default(string? configured, string? expected)
    {
        var claim = CheckpointClaimBuilder.Build(WorkerPodFixture.Segment(), RootUid, new CheckpointVolumeOptions { StorageClassName = configured });

        claim.Spec!.StorageClassName.Should().Be(expected);
    }
}
