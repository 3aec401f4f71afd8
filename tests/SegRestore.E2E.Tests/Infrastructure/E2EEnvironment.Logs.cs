using SegRestore.Kube.Client;

namespace SegRestore.E2E.Tests.Infrastructure;

/// <summary>Container logs outlive the kubelet's pod directories: they are copied to pod-logs/ before shutdown.</summary>
public sealed partial class E2EEnvironment
{
    /// <summary>One container's log as the kubelet serves it (the worker echoes BR's lines).</summary>
    public async Task<string> PodLogAsync(string pod, string container)
    {
        using var http = new HttpClient { BaseAddress = new Uri(Cluster.BaseUrl), Timeout = TimeSpan.FromSeconds(10) };
        return await http.GetStringAsync(new Uri($"/api/v1/namespaces/{Namespace}/pods/{pod}/log?container={container}", UriKind.Relative));
    }

    /// <summary>
    /// Container processes the test left running (a parked BR, a worker of an unfinished attempt) are SIGKILLed
    /// before the cluster stops, so no process outlives its test and writes into a later one's ports or files.
    /// </summary>
    private async Task KillLeftoverContainersAsync()
    {
        try
        {
            foreach (var pod in await AllPodsAsync())
            {
                foreach (var status in (pod.Status?.InitContainerStatuses ?? []).Concat(pod.Status?.ContainerStatuses ?? []))
                {
                    if (status.State?.Running is not null
                        && status.ContainerID?.StartsWith("process://", StringComparison.Ordinal) == true
                        && int.TryParse(status.ContainerID["process://".Length..], System.Globalization.CultureInfo.InvariantCulture, out var pid))
                    {
                        try
                        {
                            WorkerProcesses.KillTree(pid);
                        }
                        catch (ArgumentException)
                        {
                            // already gone
                        }
                    }
                }
            }
        }
        catch (KubernetesApiException)
        {
            // the cluster is going away anyway
        }
    }

    private async Task SavePodLogsAsync()
    {
        var directory = Path.Combine(Directory, "pod-logs");
        System.IO.Directory.CreateDirectory(directory);
        using var http = new HttpClient { BaseAddress = new Uri(Cluster.BaseUrl), Timeout = TimeSpan.FromSeconds(10) };
        try
        {
            foreach (var pod in await AllPodsAsync())
            {
                var containers = (pod.Spec?.InitContainers ?? []).Concat(pod.Spec?.Containers ?? []).Select(c => c.Name);
                foreach (var container in containers)
                {
                    var url = $"/api/v1/namespaces/{Namespace}/pods/{pod.Metadata.Name}/log?container={container}";
                    using var response = await http.GetAsync(new Uri(url, UriKind.Relative));
                    await File.WriteAllTextAsync(
                        Path.Combine(directory, $"{pod.Metadata.Name}-{container}.log"),
                        $"phase {pod.Status?.Phase}\n" + await response.Content.ReadAsStringAsync());
                }
            }
        }
        catch (Exception e) when (e is KubernetesApiException or HttpRequestException or TaskCanceledException)
        {
            await File.WriteAllTextAsync(Path.Combine(directory, "error.txt"), e.ToString());
        }
    }
}
