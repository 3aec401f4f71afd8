using System.Text.Json.Nodes;
using SegRestore.LocalCluster.Kubelet;
using SegRestore.LocalCluster.Tests.Support;

namespace SegRestore.LocalCluster.Tests.Local;

/// <summary>The worker pod pattern: an init container copies a binary out of "the BR image" into an emptyDir and
/// the main container runs it from there; in-image paths come from the image map.</summary>
public sealed class ImagePathTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("lc-image-").FullName;

    [LocalOnlyFact]
    public async Task An_init_container_copies_an_in_image_binary_into_a_shared_volume_for_the_main_container()
    {
        var fakeBr = Path.Combine(_directory, "br");
        await File.WriteAllTextAsync(fakeBr, "#!/bin/sh\necho \"br $*\"\nexit 0\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(fakeBr, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        var options = new LocalClusterOptions
        {
            Kubelet = new KubeletOptions
            {
                Images =
                [
                    new ImageCommand("pingcap/br:*", "/bin/sh") { Paths = new Dictionary<string, string> { ["/br"] = fakeBr } },
                    new ImageCommand("segrestore/worker:*", "/bin/sh"),
                ],
            },
        };
        await using var server = await LocalClusterServer.StartAsync(options, CancellationToken.None);
        using var http = new KubeHttp(server.BaseUrl);

        (await http.Post("/api/v1/namespaces/default/pods", JsonNode.Parse("""
            {"apiVersion":"v1","kind":"Pod","metadata":{"name":"worker"},
             "spec":{"restartPolicy":"Never","volumes":[{"name":"tools","emptyDir":{}}],
               "initContainers":[{"name":"copy-br","image":"pingcap/br:v9.0.0","command":["cp","/br","/tools/br"],
                 "volumeMounts":[{"name":"tools","mountPath":"/tools"}]}],
               "containers":[{"name":"worker","image":"segrestore/worker:dev",
                 "args":["-c","/tools/br restore point --last=true; test -n \"$SEGRESTORE_MOUNT_TOOLS\""],
                 "volumeMounts":[{"name":"tools","mountPath":"/tools"}]}]}}
            """)!)).ShouldBe(201);

        var pod = await Eventually.Value(async () =>
        {
            var current = (await http.Get("/api/v1/namespaces/default/pods/worker")).Json;
            return current["status"]?["phase"]?.GetValue<string>() is "Succeeded" or "Failed" ? current : null;
        }, "the worker pod finishes");
        var logs = await http.Get("/api/v1/namespaces/default/pods/worker/log?container=worker");

        pod["status"]!["phase"]!.GetValue<string>().Should().Be("Succeeded", pod.ToJsonString());
        logs.Text.Should().Be("br restore point --last=true\n");
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
