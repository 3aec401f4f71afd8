using System.Text.Json.Nodes;
using SegRestore.Api.Labels;
using SegRestore.Kube.Models;
using SegRestore.Operator.Configuration;
using SegRestore.Operator.Workers;

namespace SegRestore.Operator.Tests.Workers;

public sealed class CheckpointClaimBuilderTests
{
    private const string RootUid = "7C1D1E4A-0000-4000-8000-00000000AB12";

    [Fact]
    public void The_claim_is_named_by_the_root_uid_in_the_segments_namespace_and_owned_but_not_controlled_by_the_segment()
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
        claim.Spec.Resources!.Requests.Should().Equal(new Dictionary<string, string> { ["storage"] = "2Gi" });
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

    [Theory]
    [InlineData("seg-uid-1", true)]
    [InlineData("other-uid", false)]
    public void A_segment_joins_the_owners_once(string ownerUid, bool owned)
    {
        var claim = new V1PersistentVolumeClaim { Metadata = { OwnerReferences = [new V1OwnerReference { Uid = ownerUid }] } };

        CheckpointClaimBuilder.IsOwnedBy(claim, WorkerPodFixture.Segment()).Should().Be(owned);
    }

    [Fact]
    public void The_owner_patch_adds_only_this_segment_merging_by_uid()
    {
        var patch = JsonNode.Parse(CheckpointClaimBuilder.AddOwnerPatch(WorkerPodFixture.Segment()))!;

        var owners = patch["metadata"]!["ownerReferences"]!.AsArray();
        owners.Should().ContainSingle();
        owners[0]!["uid"]!.GetValue<string>().Should().Be("seg-uid-1");
        owners[0]!["controller"].Should().BeNull("two segments of one chain cannot both be the controller");
        owners[0]!["blockOwnerDeletion"]!.GetValue<bool>().Should().BeTrue();
    }
}
