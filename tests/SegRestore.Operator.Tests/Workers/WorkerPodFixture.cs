using System.Text.Json;
using SegRestore.Api.Models;
using SegRestore.Br.Arguments;
using SegRestore.Operator.Workers;

namespace SegRestore.Operator.Tests.Workers;

/// <summary>A segment read from the API server and a request built from it, each test changing what it varies.</summary>
internal static class WorkerPodFixture
{
    public const string Token = "tok-PLANTED-3f9a1c2b7d";
    public const string TokenHash = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    public static readonly WorkerPodSettings Settings = new(
        "example.io/segrestore/worker:1.2.3", "pingcap/br:v8.5.0", "http://reporter.segrestore-system.svc:9443",
        "IfNotPresent", SyncIntervalSeconds: 17, ProgressIntervalSeconds: 9, TerminationGraceSeconds: 77);

    public static PointRestoreSegment Segment(Action<PointRestoreSegmentSpec>? change = null)
    {
        var segment = new PointRestoreSegment
        {
            Metadata = { Name = "orders-1", NamespaceProperty = "tidb", Uid = "seg-uid-1" },
            Spec = new PointRestoreSegmentSpec
            {
                Cluster = new ClusterSpec { Pd = "basic-pd.tidb:2379" },
                PreviousSegment = "orders-0",
                Log = new StorageSpec { Url = "s3://backups/log", SecretName = "s3-creds" },
                RestoredTs = "463736295708426243",
            },
        };
        change?.Invoke(segment.Spec);
        return segment;
    }

    public static BrCommand Command(params string[] extraArgs) => new(
        ["restore", "point", "--pd", "basic-pd.tidb:2379", "-s", "s3://backups/log", "--start-ts", "1", "--restored-ts", "2",
            "--last-segment=false", "--checkpoint-storage", "local:///var/lib/segrestore/checkpoint", .. extraArgs],
        [
            new EnvFromSecret("AWS_ACCESS_KEY_ID", "s3-creds", "access_key"),
            new EnvFromSecret("AWS_SECRET_ACCESS_KEY", "s3-creds", "secret_key"),
            new EnvFromSecret("AZURE_CLIENT_SECRET", "az-creds", "AZURE_CLIENT_SECRET", Optional: true),
        ]);

    public static WorkerPodRequest Request(
        PointRestoreSegment? segment = null,
        CheckpointMode mode = CheckpointMode.Managed,
        int attempt = 2,
        BrCommand? command = null) =>
        new(segment ?? Segment(), "root-uid-0", 1, attempt, command ?? Command(), mode,
            AttemptNames.TokenSecret(segment?.Metadata.Name ?? "orders-1", attempt), TokenHash, Settings);

    public static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement.Clone();
}
