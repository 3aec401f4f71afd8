using System.Text.Json;
using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using SegRestore.Api.Models;
using SegRestore.Api.Serialization;
using SegRestore.Api.Timestamps;
using SegRestore.Br.Arguments;
using SegRestore.Br.Probe;
using SegRestore.Operator.Configuration;
using SegRestore.Operator.Workers;
using ProbeDialect = SegRestore.Br.Probe.BrDialect;

namespace SegRestore.Deploy.Tests.Support;

/// <summary>
/// The pod the operator creates for an attempt, built as AttemptLauncher builds it: BR's argv from the segment's spec
/// through the real argument builder, the pod from WorkerPodBuilder, serialized like the client sends it.
/// </summary>
internal static class WorkerPodSample
{
    public static JsonNode Build(CheckpointMode mode, bool withTls, bool withWorkerOptions)
    {
        var segment = Segment(withTls, withWorkerOptions);
        var resolution = new SegmentResolution(new Tso(463736295708426241), new Tso(463736295708426243), mode,
            mode == CheckpointMode.External ? "s3://backups/checkpoints/orders" : null);
        var capabilities = new BrCapabilities(ProbeDialect.LastSegment, SupportsCheckpointStorage: true, new BrVersionInfo(null, null, null, null, null, ""));
        var command = BrArgumentBuilder.Build(BrRestoreRequestMapper.FromSpec(segment.Spec, resolution, capabilities));
        var settings = WorkerPodSettings.From(new OperatorOptions { ReporterUrl = "http://segrestore-operator.segrestore-system.svc:9443" });
        var pod = WorkerPodBuilder.Build(new WorkerPodRequest(
            segment, "root-uid-0", 1, 2, command, mode, AttemptNames.TokenSecret(segment.Metadata.Name!, 2),
            "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", settings));
        return JsonNode.Parse(KubernetesJson.Serialize(pod))!;
    }

    private static PointRestoreSegment Segment(bool withTls, bool withWorkerOptions) => new()
    {
        Metadata = new V1ObjectMeta { Name = "orders-1", NamespaceProperty = "tidb", Uid = "9b6f0c8e-1f2a-4c5d-8e9f-0a1b2c3d4e5f" },
        Spec = new PointRestoreSegmentSpec
        {
            Cluster = new ClusterSpec { Pd = "basic-pd.tidb:2379", TlsSecretName = withTls ? "basic-cluster-client-secret" : null },
            PreviousSegment = "orders-0",
            Log = new StorageSpec { Url = "s3://backups/log", SecretName = "s3-creds" },
            RestoredTs = "463736295708426243",
            Worker = withWorkerOptions ? WorkerOptions() : null,
        },
    };

    private static WorkerSpec WorkerOptions() => new()
    {
        Resources = new WorkerResources
        {
            Requests = new Dictionary<string, Api.Models.ResourceQuantity> { ["cpu"] = new("2"), ["memory"] = new("4Gi") },
            Limits = new Dictionary<string, Api.Models.ResourceQuantity> { ["memory"] = new("8Gi") },
        },
        NodeSelector = new Dictionary<string, string> { ["node-role/restore"] = "true" },
        Tolerations = [new WorkerToleration { Key = "dedicated", Operator = "Equal", Value = "restore", Effect = "NoSchedule" }],
        PriorityClassName = "restore-critical",
        ImagePullSecrets = [new LocalObjectReference { Name = "registry-creds" }],
    };
}
