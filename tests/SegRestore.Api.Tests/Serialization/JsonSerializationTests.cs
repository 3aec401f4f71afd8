using System.Text.Json;
using k8s;
using k8s.Models;
using SegRestore.Api.Models;
using SegRestore.Api.Serialization;
using SegRestore.Api.Timestamps;

namespace SegRestore.Api.Tests.Serialization;

public class JsonSerializationTests
{
    [Fact]
    public void Segment_serializes_camelCase_without_nulls_and_with_string_enums()
    {
        var segment = new PointRestoreSegment
        {
            Metadata = new V1ObjectMeta { Name = "orders-0", NamespaceProperty = "tidb" },
            Spec = new PointRestoreSegmentSpec
            {
                Cluster = new ClusterSpec { Pd = "basic-pd.tidb:2379" },
                Log = new StorageSpec { Url = "s3://backups/log", S3 = new S3StorageOptions { Region = "us-west-2" } },
                Checkpoint = new CheckpointSpec { Mode = CheckpointMode.External, Url = "s3://backups/ckpt" },
            },
            Status = new PointRestoreSegmentStatus
            {
                Phase = SegmentPhase.Running,
                Chain = new ChainStatus { Root = "orders-0", Index = 0, Dialect = BrDialect.LastSegment },
                RestoredTs = new Tso(463736294698909699),
            },
        };

        var json = JsonSerializer.Serialize(segment, SegRestoreJsonContext.Default.PointRestoreSegment);

        json.Should().Contain("\"apiVersion\":\"segrestore.io/v1alpha1\"")
            .And.Contain("\"kind\":\"PointRestoreSegment\"")
            .And.Contain("\"namespace\":\"tidb\"")
            .And.Contain("\"mode\":\"External\"")
            .And.Contain("\"phase\":\"Running\"")
            .And.Contain("\"dialect\":\"last-segment\"")
            .And.Contain("\"restoredTs\":\"463736294698909699\"")
            .And.NotContain("null")
            .And.NotContain("fullBackup");
    }

    [Fact]
    public void Times_serialize_as_utc_rfc3339_with_Z_and_second_precision()
    {
        var status = new PointRestoreSegmentStatus
        {
            StartedAt = new DateTime(2026, 1, 22, 0, 39, 25, 987, DateTimeKind.Utc),
            CompletedAt = new DateTimeOffset(2026, 1, 22, 8, 0, 1, TimeSpan.FromHours(8)).UtcDateTime,
            Conditions = [new V1Condition { Type = "Validated", Status = "True", Reason = "Valid", LastTransitionTime = new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Unspecified) }],
        };

        var json = JsonSerializer.Serialize(status, SegRestoreJsonContext.Default.PointRestoreSegmentStatus);

        json.Should().Contain("\"startedAt\":\"2026-01-22T00:39:25Z\"")
            .And.Contain("\"completedAt\":\"2026-01-22T00:00:01Z\"")
            .And.Contain("\"lastTransitionTime\":\"2026-01-02T03:04:05Z\"");
    }

    [Fact]
    public void Segment_round_trips_and_reads_quantities_written_as_numbers()
    {
        const string json = """
            {"apiVersion":"segrestore.io/v1alpha1","kind":"PointRestoreSegment","metadata":{"name":"a","creationTimestamp":"2026-01-22T00:39:25.123+08:00"},
             "spec":{"cluster":{"pd":"pd:2379"},"log":{"url":"s3://b/log"},"restoredTs":"463736294698909699","last":true,
                     "worker":{"resources":{"requests":{"cpu":2,"memory":"4Gi"}},"affinity":{"nodeAffinity":{"x":1}}}},
             "status":{"restoredTs":463736294698909699,"chain":{"dialect":"last"}}}
            """;

        var segment = JsonSerializer.Deserialize(json, SegRestoreJsonContext.Default.PointRestoreSegment)!;

        segment.Metadata.CreationTimestamp.Should().Be(new DateTime(2026, 1, 21, 16, 39, 25, 123, DateTimeKind.Utc));
        segment.Spec.Worker!.Resources!.Requests!["cpu"].Value.Should().Be("2");
        segment.Spec.Worker.Resources.Requests["memory"].Value.Should().Be("4Gi");
        segment.Spec.Worker.Affinity!.Value.GetProperty("nodeAffinity").GetProperty("x").GetInt32().Should().Be(1);
        segment.Status!.RestoredTs.Should().Be(new Tso(463736294698909699));
        segment.Status.Chain!.Dialect.Should().Be(BrDialect.Last);
        var again = JsonSerializer.Serialize(segment, SegRestoreJsonContext.Default.PointRestoreSegment);
        again.Should().Contain("\"cpu\":\"2\"").And.Contain("\"restoredTs\":\"463736294698909699\"");
    }
}
