using System.Text.Json.Nodes;
using SegRestore.LocalCluster.Kubelet;

namespace SegRestore.LocalCluster.Tests.Unit;

/// <summary>The scheduler's and pvc-protection's view of a pod's claims.</summary>
public sealed class ClaimVolumesTests
{
    public static TheoryData<string?, string?> Scheduling => new()
    {
        // state of claim "data" (null = absent), expected problem (null = schedulable)
        { null, "persistentvolumeclaim \"data\" not found" },
        { "deleting", "persistentvolumeclaim \"data\" is being deleted" },
        { "Pending", "pod has unbound immediate PersistentVolumeClaims" },
        { "Bound", null },
    };

    [Theory]
    [MemberData(nameof(Scheduling))]
    public void A_pod_is_schedulable_only_when_its_claims_exist_are_bound_and_not_being_deleted(string? claimState, string? expected)
    {
        JsonObject? claim = claimState switch
        {
            null => null,
            "deleting" => new JsonObject
            {
                ["metadata"] = new JsonObject { ["deletionTimestamp"] = "2026-01-01T00:00:00Z" },
                ["status"] = new JsonObject { ["phase"] = "Bound" },
            },
            _ => new JsonObject { ["metadata"] = new JsonObject(), ["status"] = new JsonObject { ["phase"] = claimState } },
        };

        ClaimVolumes.SchedulingProblem(Pod(nodeName: null, "data"), name => name == "data" ? claim : null).Should().Be(expected);
    }

    [Fact]
    public void A_pod_without_claims_is_schedulable() =>
        ClaimVolumes.SchedulingProblem(Pod(nodeName: null), _ => null).Should().BeNull();

    [Fact]
    public void The_unschedulable_message_is_the_schedulers()
    {
        ClaimVolumes.UnschedulableMessage("persistentvolumeclaim \"x\" not found").Should().Be(
            "0/1 nodes are available: persistentvolumeclaim \"x\" not found. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.");
    }

    [Theory]
    [InlineData("localcluster", "Running", "data", true)]
    [InlineData("localcluster", "Succeeded", "data", true)]
    [InlineData("localcluster", "Failed", "data", true)]
    [InlineData(null, "Pending", "data", false)]
    [InlineData("localcluster", "Running", "other", false)]
    public void A_scheduled_pod_object_naming_the_claim_holds_it_whatever_its_phase(string? nodeName, string phase, string claim, bool holds)
    {
        var pod = Pod(nodeName, "data");
        pod["status"] = new JsonObject { ["phase"] = phase };

        ClaimVolumes.HoldsClaim(pod, claim).Should().Be(holds);
    }

    [Fact]
    public void Claim_data_lives_beside_the_pod_directories_by_namespace_and_name() =>
        ClaimVolumes.Directory("/work/pods", "restore", "segrestore-checkpoint-1").Should().Be("/work/pods/persistentvolumeclaims/restore/segrestore-checkpoint-1");

    private static JsonObject Pod(string? nodeName, params string[] claims)
    {
        var volumes = new JsonArray([.. claims.Select(c => (JsonNode)new JsonObject
        {
            ["name"] = "v-" + c,
            ["persistentVolumeClaim"] = new JsonObject { ["claimName"] = c },
        })]);
        volumes.Add(new JsonObject { ["name"] = "scratch", ["emptyDir"] = new JsonObject() });
        var spec = new JsonObject { ["volumes"] = volumes };
        if (nodeName is not null)
        {
            spec["nodeName"] = nodeName;
        }

        return new JsonObject { ["metadata"] = new JsonObject { ["name"] = "p" }, ["spec"] = spec };
    }
}
