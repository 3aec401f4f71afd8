using SegRestore.Api.Models;
using SegRestore.Api.Timestamps;
using SegRestore.Br.Arguments;
using SegRestore.Br.Probe;
using BrDialect = SegRestore.Br.Probe.BrDialect;

namespace SegRestore.Br.Tests.Arguments;

public class BrRestoreRequestMapperTests
{
    private static readonly BrCapabilities V2 = new(BrDialect.LastSegment, true, BrCapabilityParser.ParseVersion("Release Version: v9.0.0"));

    [Fact]
    public void The_contracts_example_first_segment_becomes_the_expected_command()
    {
        var spec = new PointRestoreSegmentSpec
        {
            Cluster = new ClusterSpec { Pd = "basic-pd.tidb:2379", TlsSecretName = "basic-cluster-client-secret" },
            FullBackup = new StorageSpec { Url = "s3://backups/full-20260122", SecretName = "s3-creds", S3 = new() { Region = "us-west-2" } },
            Log = new StorageSpec { Url = "s3://backups/log", SecretName = "s3-creds", S3 = new() { Region = "us-west-2" } },
            Br = new BrSpec { Filter = ["shop.*"], PitrConcurrency = 8, ExtraArgs = ["--ratelimit=64"] },
        };

        var request = BrRestoreRequestMapper.FromSpec(spec, new SegmentResolution(null, new Tso(463736143872000000), CheckpointMode.Managed, null), V2);
        var argv = BrArgumentBuilder.Build(request).Argv;

        argv.Should().Equal(
            "restore", "point", "--pd", "basic-pd.tidb:2379",
            "-s", "s3://backups/log?region=us-west-2",
            "--full-backup-storage", "s3://backups/full-20260122?region=us-west-2",
            "--restored-ts", "463736143872000000", "--last-segment=false",
            "--checkpoint-storage", "local:///var/lib/segrestore/checkpoint",
            "--ca", "/var/lib/segrestore/tls/ca.crt", "--cert", "/var/lib/segrestore/tls/tls.crt", "--key", "/var/lib/segrestore/tls/tls.key",
            "--filter", "shop.*", "--pitr-concurrency", "8", "--ratelimit=64");
    }

    [Fact]
    public void A_later_segment_takes_the_resolved_start_and_the_roots_checkpoint()
    {
        var spec = new PointRestoreSegmentSpec
        {
            Cluster = new ClusterSpec { Pd = "pd:2379" },
            PreviousSegment = "orders-0",
            Log = new StorageSpec { Url = "gcs://backups/log", SecretName = "gcp", Gcs = new() { StorageClass = "NEARLINE" } },
            Last = true,
        };

        var request = BrRestoreRequestMapper.FromSpec(spec,
            new SegmentResolution(new Tso(463736143872000000), new Tso(463736851660800000), CheckpointMode.External, "s3://ckpt/orders"),
            V2 with { Dialect = BrDialect.Last });

        request.Should().BeEquivalentTo(new
        {
            StartTs = 463736143872000000UL,
            RestoredTs = 463736851660800000UL,
            Last = true,
            Dialect = BrDialect.Last,
            CheckpointMode = BrCheckpointMode.External,
            CheckpointUrl = "s3://ckpt/orders",
            Tls = (BrTlsFiles?)null,
            FullBackup = (BrStorage?)null,
        });
        request.Log.Gcs.Should().Be(new SegRestore.Br.Arguments.GcsStorageOptions("NEARLINE"));
    }
}
