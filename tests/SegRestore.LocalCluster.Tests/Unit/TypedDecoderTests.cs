using System.Text.Json.Nodes;
using SegRestore.LocalCluster.Typed;

namespace SegRestore.LocalCluster.Tests.Unit;

/// <summary>Decoding a Pod like the API server: the first mistyped field in encoding/json's words, and the unknown
/// fields it drops.</summary>
public sealed class TypedDecoderTests
{
    private const string Container = """{"name":"w","image":"segrestore/worker:1"}""";

    public static TheoryData<string, string?> Specs => new()
    {
        { $$$"""{"containers":[{{{Container}}}]}""", null },
        { $$$"""{"containers":[{{{Container}}}],"affinity":"zone-a"}""", "json: cannot unmarshal string into Go struct field PodSpec.spec.affinity of type v1.Affinity" },
        { $$$"""{"containers":[{{{Container}}}],"affinity":[]}""", "json: cannot unmarshal array into Go struct field PodSpec.spec.affinity of type v1.Affinity" },
        { $$$"""{"containers":[{{{Container}}}],"affinity":{"nodeAffinity":{} } }""", null },
        { $$$"""{"containers":[{{{Container}}}],"tolerations":{"key":"a"}}""", "json: cannot unmarshal object into Go struct field PodSpec.spec.tolerations of type []v1.Toleration" },
        { $$$"""{"containers":[{{{Container}}}],"tolerations":[{"tolerationSeconds":"30"}]}""", "json: cannot unmarshal string into Go struct field Toleration.spec.tolerations.tolerationSeconds of type int64" },
        { $$$"""{"containers":[{{{Container}}}],"nodeSelector":{"disk":1}}""", "json: cannot unmarshal number into Go struct field PodSpec.spec.nodeSelector of type string" },
        { $$$"""{"containers":[{{{Container}}}],"terminationGracePeriodSeconds":1.5}""", "json: cannot unmarshal number 1.5 into Go struct field PodSpec.spec.terminationGracePeriodSeconds of type int64" },
        { """{"containers":[{"name":7}]}""", "json: cannot unmarshal number into Go struct field Container.spec.containers.name of type string" },
        { """{"containers":["worker"]}""", "json: cannot unmarshal string into Go struct field PodSpec.spec.containers of type v1.Container" },
        { """{"containers":[{"name":"w","resources":{"limits":{"cpu":"lots"}}}]}""", "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'" },
        { """{"containers":[{"name":"w","resources":{"limits":{"cpu":"500m","memory":1073741824}}}]}""", null },
        { """{"containers":[{"name":"w","env":[{"name":"A","value":1}]}]}""", "json: cannot unmarshal number into Go struct field EnvVar.spec.containers.env.value of type string" },
        { """{"containers":[{"name":"w"}],"automountServiceAccountToken":"false"}""", "json: cannot unmarshal string into Go struct field PodSpec.spec.automountServiceAccountToken of type bool" },
        { """{"containers":[{"name":"w"}],"affinity":null,"tolerations":null}""", null },
    };

    [Theory]
    [MemberData(nameof(Specs))]
    public void A_mistyped_pod_field_is_named_as_the_Go_decoder_names_it(string spec, string? expected)
    {
        var pod = new JsonObject { ["apiVersion"] = "v1", ["kind"] = "Pod", ["metadata"] = new JsonObject { ["name"] = "p" }, ["spec"] = JsonNode.Parse(spec) };

        TypedDecoder.TypeError(PodSchema.Pod, pod).Should().Be(expected);
    }

    [Theory]
    [InlineData("""{"name":"p","creationTimestamp":"2026-12-03T10:00:00Z","deletionTimestamp":null}""", null)]
    [InlineData("""{"name":"p","labels":{"a":"1"},"ownerReferences":[{"uid":"u","controller":true}]}""", null)]
    [InlineData("""{"name":"p","labels":{"a":1}}""", "json: cannot unmarshal number into Go struct field ObjectMeta.metadata.labels of type string")]
    [InlineData("""{"name":"p","finalizers":"x"}""", "json: cannot unmarshal string into Go struct field ObjectMeta.metadata.finalizers of type []string")]
    [InlineData("""{"name":"p","creationTimestamp":1}""", "json: cannot unmarshal number into Go struct field ObjectMeta.metadata.creationTimestamp of type v1.Time")]
    public void Pod_metadata_is_decoded_into_ObjectMeta(string metadata, string? expected)
    {
        var pod = new JsonObject { ["metadata"] = JsonNode.Parse(metadata), ["spec"] = JsonNode.Parse("""{"containers":[{"name":"w"}]}""") };

        TypedDecoder.TypeError(PodSchema.Pod, pod).Should().Be(expected);
    }

    public static TheoryData<string, string[]> Pods => new()
    {
        { $$$"""{"metadata":{"name":"p"},"spec":{"containers":[{{{Container}}}]}}""", [] },
        { $$$"""{"metadata":{"name":"p"},"spec":{"foo":1,"containers":[{{{Container}}}]}}""", ["spec.foo"] },
        { """{"metadata":{"name":"p","unknownMeta":"x"},"spec":{"containers":[{"name":"w","imagePullPolcy":"Never"}]}}""", ["metadata.unknownMeta", "spec.containers[0].imagePullPolcy"] },
        { """{"metadata":{"name":"p"},"spec":{"containers":[{"name":"w","env":[{"name":"A","valueFrom":{"secretKeyRef":{"name":"s","key":"k","namespace":"x"}}}]}]}}""", ["spec.containers[0].env[0].valueFrom.secretKeyRef.namespace"] },
        { """{"metadata":{"name":"p"},"spec":{"containers":[{"name":"w"}],"volumes":[{"name":"v","emptyDir":{"size":"1Gi"}}]}}""", ["spec.volumes[0].emptyDir.size"] },
        { """{"metadata":{"name":"p"},"spec":{"containers":[{"name":"w"}],"affinity":{"anything":{"goes":true}},"volumes":[{"name":"v","csi":{"driver":"x","any":1}}]}}""", [] },
        { """{"metadata":{"name":"p"},"spec":{"containers":[{"name":"w"}]},"status":{"phase":"Running","custom":1},"extra":true}""", ["extra"] },
        { """{"metadata":{"name":"p"},"spec":{"containers":[{"name":"w","securityContext":{"runAsUser":1,"runAsUsr":1}}]}}""", ["spec.containers[0].securityContext.runAsUsr"] },
    };

    [Theory]
    [MemberData(nameof(Pods))]
    public void Unknown_pod_fields_are_dropped_and_named(string json, string[] expected)
    {
        var pod = (JsonObject)JsonNode.Parse(json)!;
        var before = pod.DeepClone();

        var removed = TypedDecoder.Prune(PodSchema.Pod, pod);

        removed.Should().Equal(expected);
        if (expected.Length == 0)
        {
            JsonNode.DeepEquals(before, pod).Should().BeTrue();
        }
    }
}
