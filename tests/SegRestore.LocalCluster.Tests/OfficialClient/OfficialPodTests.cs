using k8s;
using k8s.Models;
using SegRestore.LocalCluster.Tests.Support;

namespace SegRestore.LocalCluster.Tests.OfficialClient;

/// <summary>A pod's lifecycle and its log through the official client (LocalCluster's process kubelet runs it).</summary>
[Collection(SharedCluster.Name)]
[Trait("Category", "Contract")]
public sealed class OfficialPodTests(ClusterFixture cluster) : OfficialClientTest(cluster)
{
    [LocalOnlyFact]
    public async Task A_pod_runs_to_succeeded_and_its_log_is_read_with_the_official_client()
    {
        var ns = await Cluster.NewNamespace();
        await Client.CoreV1.CreateNamespacedPodAsync(new V1Pod
        {
            Metadata = new V1ObjectMeta { Name = "hello" },
            Spec = new V1PodSpec
            {
                RestartPolicy = "Never",
                Containers = [new V1Container { Name = "main", Image = "shell:1", Command = ["/bin/sh", "-c", "echo one; echo two"] }],
            },
        }, ns);

        var pod = await Eventually.Value(async () =>
        {
            var read = await Client.CoreV1.ReadNamespacedPodAsync("hello", ns);
            return read.Status?.Phase is "Succeeded" or "Failed" ? read : null;
        }, "the pod finishes");

        pod.Status.Phase.Should().Be("Succeeded");
        pod.Status.ContainerStatuses.Should().ContainSingle().Which.State.Terminated.ExitCode.Should().Be(0);
        pod.Status.StartTime.Should().NotBeNull();
        using var log = new StreamReader(await Client.CoreV1.ReadNamespacedPodLogAsync("hello", ns, container: "main"));
        (await log.ReadToEndAsync()).Should().Be("one\ntwo\n");
    }
}
