using System.Text.Json;
using k8s;
using k8s.Models;
using SegRestore.Kube.Client;
using SegRestore.Kube.Tests.Support;

namespace SegRestore.Kube.Tests.Client;

public class SerializationTests
{
    [Fact]
    public void Lease_times_are_written_as_micro_time_with_six_digits()
    {
        var lease = new V1Lease
        {
            Metadata = new V1ObjectMeta { Name = "l", NamespaceProperty = "ns" },
            Spec = new V1LeaseSpec { RenewTime = new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc).AddTicks(1234567) },
        };

        var json = KubernetesJson.Serialize(lease);

        json.Should().Contain("\"renewTime\":\"2026-01-02T03:04:05.123456Z\"").And.Contain("\"namespace\":\"ns\"")
            .And.NotContain("acquireTime", "nulls are omitted");
    }

    /// <summary>The project's own entities keep metav1.Time's second precision (their context's converter), so a
    /// time written and read back compares equal; the official reader returns UTC for any offset.</summary>
    [Fact]
    public void Object_times_are_written_with_second_precision_and_read_in_utc()
    {
        var widget = new Widget { Metadata = new V1ObjectMeta { CreationTimestamp = new DateTime(2026, 1, 2, 3, 4, 5, 900, DateTimeKind.Utc) } };

        var json = ((JsonElement)new EntityJson(WidgetJsonContext.Default).ToBody(widget)).GetRawText();
        var back = KubernetesJson.Deserialize<V1ObjectMeta>("{\"creationTimestamp\":\"2026-01-02T05:04:05+02:00\"}")!;

        json.Should().Contain("\"creationTimestamp\":\"2026-01-02T03:04:05Z\"");
        back.CreationTimestamp.Should().Be(new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc));
        back.CreationTimestamp!.Value.Kind.Should().Be(DateTimeKind.Utc);
    }

    [Fact]
    public void Secret_and_configmap_bytes_travel_as_base64()
    {
        var secret = KubernetesJson.Deserialize<V1Secret>("{\"data\":{\"k\":\"aGVsbG8=\"},\"type\":\"Opaque\"}")!;
        var configMap = new V1ConfigMap { BinaryData = new Dictionary<string, byte[]> { ["b"] = [1, 2, 3] } };

        System.Text.Encoding.UTF8.GetString(secret.Data!["k"]).Should().Be("hello");
        KubernetesJson.Serialize(configMap).Should().Contain("\"binaryData\":{\"b\":\"AQID\"}");
    }

    [Fact]
    public void Pod_status_reads_terminated_container_states()
    {
        const string json = """
            {"apiVersion":"v1","kind":"Pod","metadata":{"name":"p","namespace":"n"},
             "spec":{"containers":[{"name":"c","image":"i","env":[{"name":"A","valueFrom":{"secretKeyRef":{"name":"s","key":"k"}}}],
                     "volumeMounts":[{"name":"v","mountPath":"/m","readOnly":true}]}],
                     "volumes":[{"name":"v","emptyDir":{}}],"affinity":{"nodeAffinity":{}}},
             "status":{"phase":"Failed","containerStatuses":[{"name":"c","ready":false,"restartCount":0,
                       "state":{"terminated":{"exitCode":3,"reason":"Error","message":"boom","finishedAt":"2026-01-01T00:00:09Z"}}}]}}
            """;

        var pod = KubernetesJson.Deserialize<V1Pod>(json)!;

        pod.Status!.ContainerStatuses![0].State!.Terminated!.ExitCode.Should().Be(3);
        pod.Status.ContainerStatuses[0].State!.Terminated!.Message.Should().Be("boom");
        pod.Spec!.Containers[0].Env![0].ValueFrom!.SecretKeyRef!.Key.Should().Be("k");
        pod.Spec.Containers[0].VolumeMounts![0].ReadOnlyProperty.Should().BeTrue();
        pod.Spec.Affinity!.NodeAffinity.Should().NotBeNull();
    }
}
