using k8s;
using k8s.Models;
using SegRestore.Api.Models;
using SegRestore.Br.Arguments;
using SegRestore.Operator.Workers;

namespace SegRestore.Operator.Tests.Workers;

public sealed class WorkerVolumesTests
{
    private static V1PodSpec Spec(CheckpointMode mode = CheckpointMode.Managed, Action<PointRestoreSegmentSpec>? change = null) =>
        WorkerPodBuilder.Build(WorkerPodFixture.Request(WorkerPodFixture.Segment(change), mode)).Spec!;

    private static IEnumerable<string> Mounts(V1PodSpec spec) =>
        spec.Containers[0].VolumeMounts!.Select(m => $"{m.Name}:{m.MountPath}:{m.SubPath}:{(m.ReadOnlyProperty == true ? "ro" : "rw")}");

    [Theory]
    [InlineData(CheckpointMode.Managed, true)]
    [InlineData(CheckpointMode.Table, false)]
    [InlineData(CheckpointMode.External, false)]
    public void Only_the_managed_mode_gets_a_checkpoint_directory(CheckpointMode mode, bool expected)
    {
        var spec = Spec(mode);

        spec.Volumes!.Any(v => v.Name == "checkpoint" && v.EmptyDir is not null).Should().Be(expected);
        Mounts(spec).Contains("checkpoint:/var/lib/segrestore/checkpoint::rw").Should().Be(expected);
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("segrestore-checkpoint-root-uid-0", true)]
    public void With_a_chain_claim_the_checkpoint_directory_outlives_the_pod(string? claim, bool onClaim)
    {
        var spec = WorkerPodBuilder.Build(WorkerPodFixture.Request() with { CheckpointClaim = claim }).Spec!;

        var checkpoint = spec.Volumes!.Single(v => v.Name == "checkpoint");
        checkpoint.PersistentVolumeClaim?.ClaimName.Should().Be(claim);
        (checkpoint.EmptyDir is null).Should().Be(onClaim);
        Mounts(spec).Should().Contain("checkpoint:/var/lib/segrestore/checkpoint::rw");
        var env = spec.Containers[0].Env!.Single(e => e.Name == "SEGRESTORE_CHECKPOINT_VOLUME");
        env.Value.Should().Be(onClaim ? "claim" : "emptyDir");
    }

    [Fact]
    public void A_storage_claim_keeps_its_volume_name_beside_the_checkpoint_claim()
    {
        var segment = WorkerPodFixture.Segment(s =>
            s.Log = new StorageSpec { Url = "local:///backups/log", Local = new LocalStorageOptions { ClaimName = "backups" } });
        var request = WorkerPodFixture.Request(segment) with { CheckpointClaim = "segrestore-checkpoint-root-uid-0" };

        var spec = WorkerPodBuilder.Build(request).Spec!;

        spec.Volumes!.Single(v => v.Name == "storage-0").PersistentVolumeClaim!.ClaimName.Should().Be("backups");
    }

    [Theory]
    [InlineData(CheckpointMode.Table)]
    [InlineData(CheckpointMode.External)]
    public void Only_the_managed_mode_says_where_its_checkpoint_lives(CheckpointMode mode)
    {
        var spec = Spec(mode);

        spec.Containers[0].Env!.Should().NotContain(e => e.Name == "SEGRESTORE_CHECKPOINT_VOLUME");
    }

    [Fact]
    public void The_br_binary_and_tmp_are_empty_dirs_for_the_read_only_root_filesystem()
    {
        var spec = Spec(CheckpointMode.Table);

        spec.Volumes!.Select(v => v.Name).Should().Equal("br-bin", "tmp");
        spec.Volumes!.Should().OnlyContain(v => v.EmptyDir != null);
        Mounts(spec).Should().Equal("br-bin:/var/lib/segrestore/bin::ro", "tmp:/tmp::rw");
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("", false)]
    [InlineData("basic-cluster-client-secret", true)]
    public void The_tls_secret_is_mounted_owner_read_only_where_br_expects_it(string? tlsSecret, bool expected)
    {
        var spec = Spec(change: s => s.Cluster.TlsSecretName = tlsSecret);

        var tls = spec.Volumes!.SingleOrDefault(v => v.Name == "tls");
        if (!expected)
        {
            tls.Should().BeNull();
            return;
        }

        tls!.Secret.Should().BeEquivalentTo(new V1SecretVolumeSource { SecretName = tlsSecret, DefaultMode = Convert.ToInt32("400", 8) });
        Mounts(spec).Should().Contain($"tls:{BrRestoreRequestMapper.DefaultTlsDirectory}::ro");
    }

    public static TheoryData<string?, string?, string?, string?, string[], string[]> LocalStorages => new()
    {
        // full claim, full subPath, log claim, log subPath -> claims, mounts
        { null, null, null, null, [], [] },
        { "backups", null, null, null, ["storage-0=backups"], ["storage-0:/mnt/full::ro"] },
        { null, null, "logs", "cluster-a", ["storage-0=logs"], ["storage-0:/mnt/log:cluster-a:ro"] },
        { "backups", "full", "backups", "log", ["storage-0=backups"], ["storage-0:/mnt/full:full:ro", "storage-0:/mnt/log:log:ro"] },
        { "full-pvc", null, "log-pvc", null, ["storage-0=full-pvc", "storage-1=log-pvc"], ["storage-0:/mnt/full::ro", "storage-1:/mnt/log::ro"] },
    };

    [Theory]
    [MemberData(nameof(LocalStorages))]
    public void Local_storages_mount_one_volume_per_claim_at_the_url_path(
        string? fullClaim, string? fullSubPath, string? logClaim, string? logSubPath, string[] claims, string[] mounts)
    {
        var spec = Spec(change: s =>
        {
            s.FullBackup = new StorageSpec
            {
                Url = fullClaim is null ? "s3://backups/full" : "local:///mnt/full",
                Local = fullClaim is null ? null : new LocalStorageOptions { ClaimName = fullClaim, SubPath = fullSubPath },
            };
            s.Log = new StorageSpec
            {
                Url = logClaim is null ? "s3://backups/log" : "local:///mnt/log/?x=1",
                Local = logClaim is null ? null : new LocalStorageOptions { ClaimName = logClaim, SubPath = logSubPath },
            };
        });

        spec.Volumes!.Where(v => v.PersistentVolumeClaim is not null).Select(v => $"{v.Name}={v.PersistentVolumeClaim!.ClaimName}")
            .Should().Equal(claims);
        Mounts(spec).Where(m => m.StartsWith("storage-", StringComparison.Ordinal)).Should().Equal(mounts);
    }

    [Fact]
    public void Two_storages_on_the_same_claim_and_path_share_one_mount()
    {
        var spec = Spec(change: s =>
        {
            s.FullBackup = new StorageSpec { Url = "local:///mnt/b", Local = new LocalStorageOptions { ClaimName = "b" } };
            s.Log = new StorageSpec { Url = "local:///mnt/b", Local = new LocalStorageOptions { ClaimName = "b" } };
        });

        Mounts(spec).Where(m => m.StartsWith("storage-", StringComparison.Ordinal)).Should().Equal("storage-0:/mnt/b::ro");
    }

    [Theory]
    [InlineData("local:///mnt/x", "/mnt/x")]
    [InlineData("LOCAL:///mnt/x/", "/mnt/x")]
    [InlineData("file:///mnt/x?y=1", "/mnt/x")]
    public void The_mount_path_is_the_local_urls_path(string url, string path) =>
        WorkerVolumes.LocalPath(url, "spec.log").Should().Be(path);

    public static TheoryData<string, string, string, string> BadLocalStorages => new()
    {
        { "local://relative/dir", "c", "spec.log.url", "local:///" },
        { "local:///mnt/../etc", "c", "spec.log.url", "local:///" },
        { "s3://bucket/log", "c", "spec.log.local", "local://" },
        { "local:///tmp", "c", "spec.log.url", "own path" },
    };

    [Theory]
    [MemberData(nameof(BadLocalStorages))]
    public void A_local_claim_that_cannot_be_mounted_is_refused_naming_the_field_value_and_fix(string url, string claim, string field, string fix)
    {
        var build = () => Spec(change: s => s.Log = new StorageSpec { Url = url, Local = new LocalStorageOptions { ClaimName = claim } });

        var error = build.Should().Throw<BrArgumentException>().Which;
        error.Field.Should().Be(field);
        error.Message.Should().Contain(url).And.Contain(fix);
    }
}
