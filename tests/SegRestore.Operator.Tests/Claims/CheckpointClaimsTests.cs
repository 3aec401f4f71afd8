using k8s;
using k8s.Models;
using SegRestore.Api.Models;
using SegRestore.Operator.Configuration;
using SegRestore.Operator.Controller;
using SegRestore.Operator.Tests.Support;
using SegRestore.Operator.Workers;

namespace SegRestore.Operator.Tests.Claims;

/// <summary>The chain's checkpoint claim against a real API server (LocalCluster): created once, a retry costs no
/// write, a claim being deleted holds the launch back, and the chain's end deletes it.</summary>
public sealed class CheckpointClaimsTests : LocalApiServerTest
{
    private const string Namespace = "default";
    private const string RootUid = "0b8e5a52-7a43-4c57-9d0e-5c1c7f1e2a11";

    [Fact]
    public async Task The_first_launch_creates_the_claim_and_a_retry_only_reads_it()
    {
        var claims = new CheckpointClaims(Client, new CheckpointVolumeOptions { Size = "3Gi", StorageClassName = "fast" });
        var segment = Segment();

        var name = AttemptNames.CheckpointClaim(RootUid);
        (await claims.PrepareAsync(segment, RootUid, CancellationToken.None)).Should().Be(new ClaimPlan(name));
        var writes = Server.Requests.Writes(k => k.Resource == "persistentvolumeclaims");
        (await claims.PrepareAsync(segment, RootUid, CancellationToken.None)).Should().Be(new ClaimPlan(name));

        Server.Requests.Writes(k => k.Resource == "persistentvolumeclaims").Should().Be(writes, "the claim exists: a GET, no write");
        var claim = await Client.GetAsync<V1PersistentVolumeClaim>(name, Namespace);
        claim!.Spec!.Resources!.Requests!["storage"].ToString().Should().Be("3Gi");
        claim.Spec.StorageClassName.Should().Be("fast");
        claim.Metadata.OwnerReferences.Should().ContainSingle(o => o.Uid == segment.Metadata.Uid);
        claim.Status!.Phase.Should().Be("Bound");
    }

    [Fact]
    public async Task A_claim_that_is_being_deleted_holds_the_launch_back_until_it_is_gone()
    {
        var claims = new CheckpointClaims(Client, new CheckpointVolumeOptions());
        var segment = Segment();
        await claims.PrepareAsync(segment, RootUid, CancellationToken.None);
        var name = AttemptNames.CheckpointClaim(RootUid);
        await Client.PatchAsync<V1PersistentVolumeClaim>(name, Namespace,
            new k8s.Models.V1Patch("""{"metadata":{"finalizers":["example.com/hold"]}}""", k8s.Models.V1Patch.PatchType.MergePatch));
        await claims.DeleteAsync(Namespace, RootUid, CancellationToken.None);

        var plan = await claims.PrepareAsync(segment, RootUid, CancellationToken.None);

        plan.Wait.Should().Be($"checkpoint claim {name} is being deleted (a pod still uses it); it is created again once it is gone");
        await Client.PatchAsync<V1PersistentVolumeClaim>(name, Namespace,
            new k8s.Models.V1Patch("""{"metadata":{"finalizers":null}}""", k8s.Models.V1Patch.PatchType.MergePatch));
        await Poll.UntilAsync(async () => await Client.GetAsync<V1PersistentVolumeClaim>(name, Namespace) is null, TimeSpan.FromSeconds(30));
        (await claims.PrepareAsync(segment, RootUid, CancellationToken.None)).Should().Be(new ClaimPlan(name));
        (await Client.GetAsync<V1PersistentVolumeClaim>(name, Namespace))!.Metadata.DeletionTimestamp.Should().BeNull();
    }

    [Fact]
    public async Task The_end_of_the_chain_deletes_the_claim_and_a_repeat_finds_nothing_to_delete()
    {
        var claims = new CheckpointClaims(Client, new CheckpointVolumeOptions());
        await claims.PrepareAsync(Segment(), RootUid, CancellationToken.None);

        await claims.DeleteAsync(Namespace, RootUid, CancellationToken.None);
        await Poll.UntilAsync(async () => await Client.GetAsync<V1PersistentVolumeClaim>(AttemptNames.CheckpointClaim(RootUid), Namespace) is null, TimeSpan.FromSeconds(30));
        var repeat = () => claims.DeleteAsync(Namespace, RootUid, CancellationToken.None);

        await repeat.Should().NotThrowAsync();
    }

    [Fact]
    public async Task Disabled_a_chain_without_a_claim_gets_an_empty_dir_and_creates_nothing()
    {
        var claims = new CheckpointClaims(Client, new CheckpointVolumeOptions { Enabled = false });

        (await claims.PrepareAsync(Segment(), RootUid, CancellationToken.None)).Should().Be(ClaimPlan.EmptyDir);

        Server.Requests.Writes(k => k.Resource == "persistentvolumeclaims").Should().Be(0);
    }

    [Fact]
    public async Task Disabled_mid_chain_the_chain_keeps_the_claim_it_has_so_its_disk_never_misses_a_ledger_generation()
    {
        await new CheckpointClaims(Client, new CheckpointVolumeOptions()).PrepareAsync(Segment(), RootUid, CancellationToken.None);
        var disabled = new CheckpointClaims(Client, new CheckpointVolumeOptions { Enabled = false });

        var plan = await disabled.PrepareAsync(Segment(), RootUid, CancellationToken.None);

        plan.Should().Be(new ClaimPlan(AttemptNames.CheckpointClaim(RootUid)));
    }

    /// <summary>A segment as the API server returns it (name, namespace, uid); the claim needs nothing else.</summary>
    private static PointRestoreSegment Segment() => new()
    {
        Metadata = { Name = "orders-0", NamespaceProperty = Namespace, Uid = RootUid },
    };
}
