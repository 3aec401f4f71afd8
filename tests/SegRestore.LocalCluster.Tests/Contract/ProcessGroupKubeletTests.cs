using System.Text.Json.Nodes;
using SegRestore.LocalCluster.Tests.Support;

namespace SegRestore.LocalCluster.Tests.Contract;

/// <summary>
/// A container is over when its main process is: what it left running in the background goes with it, as a PID
/// namespace's processes go with its init (LocalCluster gives each container a process group and kills it).
/// </summary>
[Collection(SharedCluster.Name)]
[Trait("Category", "Contract")]
public sealed class ProcessGroupKubeletTests(ClusterFixture cluster)
{
    [LocalOnlyFact]
    public async Task A_background_child_neither_holds_the_pod_running_nor_outlives_it()
    {
        var ns = await cluster.NewNamespace();
        await CreatePod(ns, "bg", "sleep 300 & echo $! > /dev/termination-log; echo done");

        var pod = await Eventually.Value(async () =>
        {
            var read = (await cluster.Http.Get($"/api/v1/namespaces/{ns}/pods/bg")).Json;
            return read["status"]?["phase"]?.GetValue<string>() is "Succeeded" or "Failed" ? read : null;
        }, "the pod ends when its main process does, not when its background sleep would");

        pod["status"]!["phase"]!.GetValue<string>().Should().Be("Succeeded");
        var child = int.Parse(pod["status"]!["containerStatuses"]![0]!["state"]!["terminated"]!["message"]!.GetValue<string>().Trim(), System.Globalization.CultureInfo.InvariantCulture);
        await Eventually.Until(() => Task.FromResult(!Alive(child)), $"the background sleep (pid {child}) is gone");
        (await cluster.Http.Get($"/api/v1/namespaces/{ns}/pods/bg/log")).ShouldBe(200).Text.Should().Be("done\n");
    }

    [LocalOnlyFact]
    public async Task Deleting_a_pod_whose_shell_runs_children_removes_it_once_the_shell_is_gone()
    {
        var ns = await cluster.NewNamespace();
        await CreatePod(ns, "tree", "sleep 300 & sleep 300");
        await Eventually.Until(async () => (await cluster.Http.Get($"/api/v1/namespaces/{ns}/pods/tree")).Json["status"]?["phase"]?.GetValue<string>() == "Running", "the pod runs");

        (await cluster.Http.Delete($"/api/v1/namespaces/{ns}/pods/tree", JsonNode.Parse("""{"gracePeriodSeconds":20}"""))).ShouldBe(200);

        await Eventually.Until(async () => (await cluster.Http.Get($"/api/v1/namespaces/{ns}/pods/tree")).Code == 404,
            "SIGTERM ends the shell, and its sleeps go with it instead of holding the pod in deletion");
    }

    /// <summary>Running or sleeping; a zombie waiting for its reaper counts as gone.</summary>
    private static bool Alive(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[0] != "Z";
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    private async Task CreatePod(string ns, string name, string script) =>
        (await cluster.Http.Post($"/api/v1/namespaces/{ns}/pods", ShellPods.Pod(name, script))).ShouldBe(201);
}
