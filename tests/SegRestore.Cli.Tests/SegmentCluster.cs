using System.Net.Http.Json;
using System.Text.Json;
using SegRestore.Api.Crd;
using SegRestore.Api.Models;
using SegRestore.Api.Serialization;
using SegRestore.Kube.Client;
using SegRestore.LocalCluster;
using SegRestore.LocalCluster.Kubelet;

namespace SegRestore.Cli.Tests;

/// <summary>An in-process LocalCluster (no kubelet) with the PointRestoreSegment CRD registered and served, and a
/// client for it.</summary>
public static class SegmentCluster
{
    public static async Task<(LocalClusterServer Server, KubernetesClient Client)> StartAsync(string readyNamespace = "default")
    {
        var server = await LocalClusterServer.StartAsync(new LocalClusterOptions { Kubelet = new KubeletOptions { Enabled = false } }, CancellationToken.None);
        using (var http = new HttpClient { BaseAddress = new Uri(server.BaseUrl) })
        {
            var crd = JsonSerializer.SerializeToNode(CrdGenerator.Generate(), CrdJsonContext.Default.CustomResourceDefinition);
            (await http.PostAsJsonAsync("/apis/apiextensions.k8s.io/v1/customresourcedefinitions", crd)).EnsureSuccessStatusCode();
        }

        var client = new KubernetesClient(KubeConfiguration.FromText(server.Kubeconfig), SegRestoreEntityJson.Instance);
        if (readyNamespace != "default")
        {
            await client.CreateAsync(new k8s.Models.V1Namespace { Metadata = new k8s.Models.V1ObjectMeta { Name = readyNamespace } });
        }

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                await client.ListAsync<PointRestoreSegment>(readyNamespace);
                return (server, client);
            }
            catch (KubernetesApiException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }
        }
    }
}
