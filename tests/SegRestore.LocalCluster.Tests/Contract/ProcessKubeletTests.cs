using System.Diagnostics;
using System.Text.Json.Nodes;
using SegRestore.LocalCluster.Tests.Support;

namespace SegRestore.LocalCluster.Tests.Contract;

/// <summary>KUBE-SEMANTICS item 14: pods run as local processes by the process kubelet (LocalCluster only).</summary>
[Collection(SharedCluster.Name)]
[Trait("Category", "Contract")]
public sealed class ProcessKubeletTests(ClusterFixture cluster) : IDisposable
{
    private readonly string _hostDirectory = Directory.CreateTempSubdirectory("lc-kubelet-test-").FullName;

    [LocalOnlyFact]
    public async Task Init_container_secret_env_and_shared_emptyDir_reach_the_container_and_its_exit_reaches_status()
    {
        var ns = await cluster.NewNamespace();
        (await cluster.Http.Post($"/api/v1/namespaces/{ns}/secrets", JsonNode.Parse("""
            {"apiVersion":"v1","kind":"Secret","metadata":{"name":"creds"},"stringData":{"token":"s3cr3t"}}
            """)!)).ShouldBe(201);
        (await cluster.Http.Post($"/api/v1/namespaces/{ns}/pods", JsonNode.Parse("""
            {"apiVersion":"v1","kind":"Pod","metadata":{"name":"job"},
             "spec":{"restartPolicy":"Never","volumes":[{"name":"shared","emptyDir":{}}],
               "initContainers":[{"name":"init","image":"shell:1","command":["/bin/sh","-c","echo \"$TOKEN\" > /shared/token"],
                 "env":[{"name":"TOKEN","valueFrom":{"secretKeyRef":{"name":"creds","key":"token"}}}],
                 "volumeMounts":[{"name":"shared","mountPath":"/shared"}]}],
               "containers":[{"name":"main","image":"shell:1",
                 "command":["/bin/sh","-c","cat /shared/token > /dev/termination-log; echo \"hello from $POD_NAME\"; exit 3"],
                 "env":[{"name":"POD_NAME","valueFrom":{"fieldRef":{"fieldPath":"metadata.name"}}}],
                 "volumeMounts":[{"name":"shared","mountPath":"/shared"}]}]}}
            """)!)).ShouldBe(201);

        var pod = await WaitForPhase(ns, "job", "Failed");

        var init = pod["status"]!["initContainerStatuses"]![0]!["state"]!["terminated"]!;
        init["exitCode"]!.GetValue<int>().Should().Be(0);
        init["reason"]!.GetValue<string>().Should().Be("Completed");
        var main = pod["status"]!["containerStatuses"]![0]!["state"]!["terminated"]!;
        main["exitCode"]!.GetValue<int>().Should().Be(3);
        main["reason"]!.GetValue<string>().Should().Be("Error");
        main["message"]!.GetValue<string>().Trim().Should().Be("s3cr3t");
        var logs = await cluster.Http.Get($"/api/v1/namespaces/{ns}/pods/job/log?container=main");
        logs.ShouldBe(200).Text.Should().Be("hello from job\n");
    }

    [LocalOnlyFact]
    public async Task A_container_without_command_runs_the_image_command_and_succeeds()
    {
        var ns = await cluster.NewNamespace();
        (await cluster.Http.Post($"/api/v1/namespaces/{ns}/pods", JsonNode.Parse("""
            {"apiVersion":"v1","kind":"Pod","metadata":{"name":"ok"},
             "spec":{"restartPolicy":"Never","containers":[{"name":"c","image":"shell:1","args":["-c","exit 0"]}]}}
            """)!)).ShouldBe(201);

        var pod = await WaitForPhase(ns, "ok", "Succeeded");

        pod["status"]!["containerStatuses"]![0]!["state"]!["terminated"]!["reason"]!.GetValue<string>().Should().Be("Completed");
        pod["status"]!["conditions"]!.AsArray().Select(c => c!["type"]!.GetValue<string>()).Should().Contain(["PodScheduled", "Initialized", "Ready"]);
    }

    [LocalOnlyFact]
    public async Task A_failing_init_container_fails_the_pod_before_the_containers_start()
    {
        var ns = await cluster.NewNamespace();
        (await cluster.Http.Post($"/api/v1/namespaces/{ns}/pods", JsonNode.Parse("""
            {"apiVersion":"v1","kind":"Pod","metadata":{"name":"bad-init"},
             "spec":{"restartPolicy":"Never",
               "initContainers":[{"name":"init","image":"shell:1","command":["/bin/sh","-c","exit 7"]}],
               "containers":[{"name":"c","image":"shell:1","command":["/bin/sh","-c","exit 0"]}]}}
            """)!)).ShouldBe(201);

        var pod = await WaitForPhase(ns, "bad-init", "Failed");

        pod["status"]!["initContainerStatuses"]![0]!["state"]!["terminated"]!["exitCode"]!.GetValue<int>().Should().Be(7);
        pod["status"]!["containerStatuses"]![0]!["state"]!["terminated"].Should().BeNull();
    }

    [LocalOnlyFact]
    public async Task A_missing_secret_keeps_the_container_waiting_with_CreateContainerConfigError()
    {
        var ns = await cluster.NewNamespace();
        (await cluster.Http.Post($"/api/v1/namespaces/{ns}/pods", JsonNode.Parse("""
            {"apiVersion":"v1","kind":"Pod","metadata":{"name":"nosecret"},
             "spec":{"restartPolicy":"Never","containers":[{"name":"c","image":"shell:1","command":["/bin/sh","-c","exit 0"],
               "env":[{"name":"X","valueFrom":{"secretKeyRef":{"name":"absent","key":"k"}}}]}]}}
            """)!)).ShouldBe(201);

        var pod = await Eventually.Value(async () =>
        {
            var current = (await cluster.Http.Get($"/api/v1/namespaces/{ns}/pods/nosecret")).Json;
            return current["status"]?["containerStatuses"]?[0]?["state"]?["waiting"]?["reason"]?.GetValue<string>() == "CreateContainerConfigError" ? current : null;
        }, "the container reports CreateContainerConfigError");

        pod["status"]!["containerStatuses"]![0]!["state"]!["waiting"]!["message"]!.GetValue<string>().Should().Contain("secret \"absent\" not found");
    }

    [LocalOnlyFact]
    public async Task Deleting_a_running_pod_sends_SIGTERM_and_the_pod_goes_when_the_process_exits()
    {
        var ns = await cluster.NewNamespace();
        await CreateLongRunningPod(ns, "term", "trap 'echo got-term > /host/term; exit 0' TERM; echo started > /host/started; while true; do sleep 0.1; done");
        await WaitForFile("started");

        var deleted = await cluster.Http.Delete($"/api/v1/namespaces/{ns}/pods/term", JsonNode.Parse("""{"gracePeriodSeconds":20}"""));

        deleted.ShouldBe(200).Json["metadata"]!["deletionTimestamp"].Should().NotBeNull();
        await Eventually.Until(async () => (await cluster.Http.Get($"/api/v1/namespaces/{ns}/pods/term")).Code == 404, "the pod is removed after its process exits");
        File.ReadAllText(Path.Combine(_hostDirectory, "term")).Trim().Should().Be("got-term");
    }

    [LocalOnlyFact]
    public async Task A_process_ignoring_SIGTERM_is_killed_after_the_grace_period()
    {
        var ns = await cluster.NewNamespace();
        await CreateLongRunningPod(ns, "stubborn", "trap '' TERM; echo started > /host/started; while true; do sleep 0.1; done");
        await WaitForFile("started");
        var clock = Stopwatch.StartNew();

        (await cluster.Http.Delete($"/api/v1/namespaces/{ns}/pods/stubborn", JsonNode.Parse("""{"gracePeriodSeconds":2}"""))).ShouldBe(200);
        var stillThere = await cluster.Http.Get($"/api/v1/namespaces/{ns}/pods/stubborn");
        await Eventually.Until(async () => (await cluster.Http.Get($"/api/v1/namespaces/{ns}/pods/stubborn")).Code == 404, "the pod is removed after SIGKILL");

        stillThere.ShouldBe(200).Json["metadata"]!["deletionGracePeriodSeconds"]!.GetValue<long>().Should().Be(2);
        clock.Elapsed.Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(2));
    }

    public void Dispose() => Directory.Delete(_hostDirectory, recursive: true);

    private async Task CreateLongRunningPod(string ns, string name, string script) =>
        (await cluster.Http.Post($"/api/v1/namespaces/{ns}/pods", ShellPods.Pod(name, script, "c", _hostDirectory))).ShouldBe(201);

    private Task WaitForFile(string name) =>
        Eventually.Until(() => Task.FromResult(File.Exists(Path.Combine(_hostDirectory, name))), $"the container wrote {name}");

    private Task<JsonObject> WaitForPhase(string ns, string name, string phase) =>
        Eventually.Value(async () =>
        {
            var pod = (await cluster.Http.Get($"/api/v1/namespaces/{ns}/pods/{name}")).Json;
            return pod["status"]?["phase"]?.GetValue<string>() == phase ? pod : null;
        }, $"pod {name} is {phase}");
}
