using System.Text.Json.Nodes;
using SegRestore.LocalCluster.Tests.Support;

namespace SegRestore.LocalCluster.Tests.Contract;

/// <summary>The process kubelet and scheduler with persistentVolumeClaim volumes: data outlives the pod and goes
/// with the claim, pods wait for their claim, pvc-protection holds a claim while a pod object names it.</summary>
[Collection(SharedCluster.Name)]
[Trait("Category", "Contract")]
public sealed class ClaimVolumeKubeletTests(ClusterFixture cluster)
{
    private const string Mount = Claims.MountPath;

    [LocalOnlyFact]
    public async Task A_file_written_into_a_claim_by_one_pod_is_read_by_the_next_pod()
    {
        var ns = await cluster.NewNamespace();
        (await cluster.Http.Post(Claims.Path(ns), Claims.Claim("ckpt"))).ShouldBe(201);
        (await cluster.Http.Post(Pods(ns), Claims.Pod("first", "ckpt", $"mkdir -p {Mount}/pitr_id_maps && echo map-1 > {Mount}/pitr_id_maps/1"))).ShouldBe(201);
        await WaitForPhase(ns, "first", "Succeeded");

        (await cluster.Http.Post(Pods(ns), Claims.Pod("second", "ckpt", $"cat {Mount}/pitr_id_maps/1 > /dev/termination-log"))).ShouldBe(201);
        var second = await WaitForPhase(ns, "second", "Succeeded");

        second["status"]!["containerStatuses"]![0]!["state"]!["terminated"]!["message"]!.GetValue<string>().Trim().Should().Be("map-1");
        var onDisk = Path.Combine(cluster.Local!.ClaimDirectory(ns, "ckpt")!, "pitr_id_maps", "1");
        File.ReadAllText(onDisk).Trim().Should().Be("map-1");
    }

    [LocalOnlyFact]
    public async Task A_sub_path_mount_uses_a_directory_inside_the_claim()
    {
        var ns = await cluster.NewNamespace();
        (await cluster.Http.Post(Claims.Path(ns), Claims.Claim("ckpt"))).ShouldBe(201);

        (await cluster.Http.Post(Pods(ns), Claims.Pod("writer", "ckpt", $"echo in-sub > {Mount}/f", subPath: "attempts/a1"))).ShouldBe(201);
        await WaitForPhase(ns, "writer", "Succeeded");

        File.ReadAllText(Path.Combine(cluster.Local!.ClaimDirectory(ns, "ckpt")!, "attempts", "a1", "f")).Trim().Should().Be("in-sub");
    }

    [LocalOnlyFact]
    public async Task A_pod_whose_claim_is_missing_stays_Pending_unschedulable_and_starts_once_the_claim_exists()
    {
        var ns = await cluster.NewNamespace();
        (await cluster.Http.Post(Pods(ns), Claims.Pod("waiter", "later", $"echo ran > {Mount}/ran"))).ShouldBe(201);

        var waiting = await Eventually.Value(async () =>
        {
            var pod = (await cluster.Http.Get($"{Pods(ns)}/waiter")).Json;
            return Scheduled(pod)?["status"]?.GetValue<string>() == "False" ? pod : null;
        }, "the pod is marked unschedulable");
        (await cluster.Http.Post(Claims.Path(ns), Claims.Claim("later"))).ShouldBe(201);
        var ran = await WaitForPhase(ns, "waiter", "Succeeded");

        waiting["status"]!["phase"]!.GetValue<string>().Should().Be("Pending");
        waiting["spec"]!["nodeName"].Should().BeNull();
        Scheduled(waiting)!["reason"]!.GetValue<string>().Should().Be("Unschedulable");
        Scheduled(waiting)!["message"]!.GetValue<string>().Should().Be(
            "0/1 nodes are available: persistentvolumeclaim \"later\" not found. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.");
        Scheduled(ran)!["status"]!.GetValue<string>().Should().Be("True");
        File.Exists(Path.Combine(cluster.Local!.ClaimDirectory(ns, "later")!, "ran")).Should().BeTrue();
    }

    [LocalOnlyFact]
    public async Task A_claim_deleted_while_its_pod_runs_stays_until_the_pod_object_is_gone_then_takes_its_data_along()
    {
        var ns = await cluster.NewNamespace();
        (await cluster.Http.Post(Claims.Path(ns), Claims.Claim("ckpt"))).ShouldBe(201);
        (await cluster.Http.Post(Pods(ns), Claims.Pod("worker", "ckpt",
            $"echo started > {Mount}/started; trap 'echo saved > {Mount}/saved; exit 0' TERM; while true; do sleep 0.1; done"))).ShouldBe(201);
        var directory = cluster.Local!.ClaimDirectory(ns, "ckpt")!;
        await Eventually.Until(() => Task.FromResult(File.Exists(Path.Combine(directory, "started"))), "the worker started");

        var deleted = (await cluster.Http.Delete(Claims.Path(ns, "ckpt"))).ShouldBe(200).Json;
        (await cluster.Http.Post(Pods(ns), Claims.Pod("late", "ckpt", "exit 0"))).ShouldBe(201);
        var late = await Eventually.Value(async () =>
        {
            var pod = (await cluster.Http.Get($"{Pods(ns)}/late")).Json;
            return Scheduled(pod)?["message"]?.GetValue<string>()?.Contains("is being deleted", StringComparison.Ordinal) == true ? pod : null;
        }, "the late pod is unschedulable");
        var held = (await cluster.Http.Get(Claims.Path(ns, "ckpt"))).ShouldBe(200).Json;
        (await cluster.Http.Delete($"{Pods(ns)}/worker", JsonNode.Parse("""{"gracePeriodSeconds":30}"""))).ShouldBe(200);
        await Eventually.Until(async () => (await cluster.Http.Get(Claims.Path(ns, "ckpt"))).Code == 404, "the claim goes after the pod");

        deleted["metadata"]!["deletionTimestamp"].Should().NotBeNull();
        held["metadata"]!["finalizers"]!.AsArray().Select(f => f!.GetValue<string>()).Should().Equal("kubernetes.io/pvc-protection");
        Scheduled(late)!["message"]!.GetValue<string>().Should().Contain("persistentvolumeclaim \"ckpt\" is being deleted");
        (await cluster.Http.Get($"{Pods(ns)}/worker")).ShouldBe(404);
        await Eventually.Until(() => Task.FromResult(!Directory.Exists(directory)), "the claim's data is removed");
    }

    [LocalOnlyFact]
    public async Task A_completed_pod_still_holds_a_deleted_claim_until_the_pod_is_deleted()
    {
        var ns = await cluster.NewNamespace();
        (await cluster.Http.Post(Claims.Path(ns), Claims.Claim("ckpt"))).ShouldBe(201);
        (await cluster.Http.Post(Pods(ns), Claims.Pod("done", "ckpt", $"echo x > {Mount}/x"))).ShouldBe(201);
        await WaitForPhase(ns, "done", "Succeeded");

        (await cluster.Http.Delete(Claims.Path(ns, "ckpt"))).ShouldBe(200);
        // The controllers handle changes in commit order: once a later claim is bound, the deletion was seen.
        (await cluster.Http.Post(Claims.Path(ns), Claims.Claim("barrier"))).ShouldBe(201);
        await Eventually.Until(async () => (await cluster.Http.Get(Claims.Path(ns, "barrier"))).Json["status"]?["phase"]?.GetValue<string>() == "Bound", "the barrier claim is bound");
        var afterDelete = await cluster.Http.Get(Claims.Path(ns, "ckpt"));
        (await cluster.Http.Delete($"{Pods(ns)}/done")).ShouldBe(200);

        afterDelete.ShouldBe(200).Json["metadata"]!["deletionTimestamp"].Should().NotBeNull();
        await Eventually.Until(async () => (await cluster.Http.Get(Claims.Path(ns, "ckpt"))).Code == 404, "the claim goes with the pod object");
    }

    [LocalOnlyFact]
    public async Task Deleting_the_namespace_ends_the_pod_then_removes_the_claim_its_data_and_the_namespace()
    {
        var ns = await cluster.NewNamespace();
        (await cluster.Http.Post(Claims.Path(ns), Claims.Claim("ckpt"))).ShouldBe(201);
        (await cluster.Http.Post(Pods(ns), Claims.Pod("worker", "ckpt", $"echo started > {Mount}/started; while true; do sleep 0.1; done"))).ShouldBe(201);
        var directory = cluster.Local!.ClaimDirectory(ns, "ckpt")!;
        await Eventually.Until(() => Task.FromResult(File.Exists(Path.Combine(directory, "started"))), "the worker started");

        (await cluster.Http.Delete($"/api/v1/namespaces/{ns}")).ShouldBe(200);

        await Eventually.Until(async () => (await cluster.Http.Get($"/api/v1/namespaces/{ns}")).Code == 404, "the namespace is gone", TimeSpan.FromSeconds(90));
        await Eventually.Until(() => Task.FromResult(!Directory.Exists(directory)), "the claim's data is removed");
    }

    private static string Pods(string ns) => $"/api/v1/namespaces/{ns}/pods";

    private static JsonNode? Scheduled(JsonObject pod) =>
        (pod["status"]?["conditions"] as JsonArray)?.FirstOrDefault(c => c?["type"]?.GetValue<string>() == "PodScheduled");

    private Task<JsonObject> WaitForPhase(string ns, string name, string phase) =>
        Eventually.Value(async () =>
        {
            var pod = (await cluster.Http.Get($"{Pods(ns)}/{name}")).Json;
            return pod["status"]?["phase"]?.GetValue<string>() == phase ? pod : null;
        }, $"pod {name} is {phase}");
}
