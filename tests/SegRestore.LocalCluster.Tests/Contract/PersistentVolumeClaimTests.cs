using System.Text.Json.Nodes;
using SegRestore.LocalCluster.Tests.Support;

namespace SegRestore.LocalCluster.Tests.Contract;

/// <summary>PersistentVolumeClaims through HTTP: validation, binding, immutability, Table output, watch and
/// garbage collection.</summary>
[Collection(SharedCluster.Name)]
[Trait("Category", "Contract")]
public sealed class PersistentVolumeClaimTests(ClusterFixture cluster)
{
    public static TheoryData<string, string> InvalidClaims => new()
    {
        { """{"resources":{"requests":{"storage":"1Gi"}}}""", "spec.accessModes: Required value: at least 1 access mode is required" },
        { """{"accessModes":["ReadWriteOnce"],"resources":{}}""", "spec.resources[storage]: Required value" },
        { """{"accessModes":["ReadWriteOnce"],"resources":{"requests":{"storage":"0"}}}""", "spec.resources[storage]: Invalid value: \"0\": must be greater than zero" },
    };

    [Theory]
    [MemberData(nameof(InvalidClaims))]
    public async Task An_invalid_claim_is_rejected_as_Invalid_naming_the_field(string spec, string message)
    {
        var ns = await cluster.NewNamespace();
        var claim = Claims.Claim("bad");
        claim["spec"] = JsonNode.Parse(spec);

        var response = await cluster.Http.Post(Claims.Path(ns), claim);

        response.ShouldBe(422).Reason.Should().Be("Invalid");
        response.Json["message"]!.GetValue<string>().Should().Be($"PersistentVolumeClaim \"bad\" is invalid: {message}");
        response.Json["details"]!["kind"]!.GetValue<string>().Should().Be("PersistentVolumeClaim");
    }

    [LocalOnlyFact]
    public async Task A_new_claim_is_protected_and_bound_with_the_requested_capacity()
    {
        var ns = await cluster.NewNamespace();
        var claim = Claims.Claim("data", storage: "2Gi");
        claim["spec"]!["storageClassName"] = "standard";

        var created = (await cluster.Http.Post(Claims.Path(ns), claim)).ShouldBe(201).Json;
        var bound = await Eventually.Value(async () =>
        {
            var current = (await cluster.Http.Get(Claims.Path(ns, "data"))).ShouldBe(200).Json;
            return current["status"]?["phase"]?.GetValue<string>() == "Bound" ? current : null;
        }, "the claim is bound");

        created["metadata"]!["finalizers"]!.AsArray().Select(f => f!.GetValue<string>()).Should().Equal("kubernetes.io/pvc-protection");
        created["spec"]!["volumeMode"]!.GetValue<string>().Should().Be("Filesystem");
        bound["status"]!["capacity"]!["storage"]!.GetValue<string>().Should().Be("2Gi");
        bound["status"]!["accessModes"]!.AsArray().Select(m => m!.GetValue<string>()).Should().Equal("ReadWriteOnce");
        bound["spec"]!["volumeName"]!.GetValue<string>().Should().Be("pvc-" + created["metadata"]!["uid"]!.GetValue<string>());
        bound["spec"]!["storageClassName"]!.GetValue<string>().Should().Be("standard");
    }

    [LocalOnlyFact]
    public async Task A_bound_claim_accepts_a_label_and_a_larger_request_but_no_other_spec_change()
    {
        var ns = await cluster.NewNamespace();
        (await cluster.Http.Post(Claims.Path(ns), Claims.Claim("data"))).ShouldBe(201);
        await WaitBound(ns, "data");

        var labelled = await cluster.Http.Patch(Claims.Path(ns, "data"), KubeHttp.MergePatch, JsonNode.Parse("""{"metadata":{"labels":{"chain":"c1"}}}""")!);
        var grown = await cluster.Http.Patch(Claims.Path(ns, "data"), KubeHttp.MergePatch, JsonNode.Parse("""{"spec":{"resources":{"requests":{"storage":"3Gi"}}}}""")!);
        var changedModes = await cluster.Http.Patch(Claims.Path(ns, "data"), KubeHttp.MergePatch, JsonNode.Parse("""{"spec":{"accessModes":["ReadWriteMany"]}}""")!);

        labelled.ShouldBe(200).Json["metadata"]!["labels"]!["chain"]!.GetValue<string>().Should().Be("c1");
        grown.ShouldBe(200).Json["spec"]!["resources"]!["requests"]!["storage"]!.GetValue<string>().Should().Be("3Gi");
        changedModes.ShouldBe(422).Json["message"]!.GetValue<string>().Should().Be(
            "PersistentVolumeClaim \"data\" is invalid: spec: Forbidden: spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims");
    }

    [LocalOnlyFact]
    public async Task Claims_are_listed_watched_and_shown_as_a_kubectl_table()
    {
        var ns = await cluster.NewNamespace();
        await using var watch = await cluster.Http.Watch(Claims.Path(ns) + "?watch=1");
        (await cluster.Http.Post(Claims.Path(ns), Claims.Claim("data"))).ShouldBe(201);
        await WaitBound(ns, "data");

        var added = await watch.Next(TimeSpan.FromSeconds(30));
        var list = (await cluster.Http.Get(Claims.Path(ns) + "?labelSelector=app%3Dsegrestore")).ShouldBe(200).Json;
        var table = (await cluster.Http.Get(Claims.Path(ns, "data"), KubeHttp.TableAccept)).ShouldBe(200).Json;

        added!["type"]!.GetValue<string>().Should().Be("ADDED");
        list["kind"]!.GetValue<string>().Should().Be("PersistentVolumeClaimList");
        list["items"]!.AsArray().Should().ContainSingle();
        table["columnDefinitions"]!.AsArray().Select(c => c!["name"]!.GetValue<string>())
            .Should().Equal("Name", "Status", "Volume", "Capacity", "Access Modes", "StorageClass", "VolumeAttributesClass", "Age", "VolumeMode");
        var cells = table["rows"]![0]!["cells"]!.AsArray();
        cells[1]!.GetValue<string>().Should().Be("Bound");
        cells[3]!.GetValue<string>().Should().Be("1Gi");
        cells[4]!.GetValue<string>().Should().Be("RWO");
    }

    [LocalOnlyFact]
    public async Task A_claim_whose_owner_is_gone_is_collected_with_its_protection_released()
    {
        var ns = await cluster.NewNamespace();
        var owner = (await cluster.Http.Post($"/api/v1/namespaces/{ns}/configmaps", ClusterFixture.ConfigMap("root"))).ShouldBe(201).Json;
        var reference = new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "ConfigMap",
            ["name"] = "root",
            ["uid"] = owner["metadata"]!["uid"]!.DeepClone(),
            ["blockOwnerDeletion"] = true,
        };
        (await cluster.Http.Post(Claims.Path(ns), Claims.Claim("segrestore-checkpoint-x", owner: reference))).ShouldBe(201);
        await WaitBound(ns, "segrestore-checkpoint-x");

        (await cluster.Http.Delete($"/api/v1/namespaces/{ns}/configmaps/root")).ShouldBe(200);

        await Eventually.Until(async () => (await cluster.Http.Get(Claims.Path(ns, "segrestore-checkpoint-x"))).Code == 404, "the claim is collected");
    }

    private Task WaitBound(string ns, string name) =>
        Eventually.Until(async () => (await cluster.Http.Get(Claims.Path(ns, name))).Json["status"]?["phase"]?.GetValue<string>() == "Bound", $"claim {name} is bound");
}
