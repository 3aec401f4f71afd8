using System.Text.Json.Nodes;
using SegRestore.LocalCluster.Kubelet;

namespace SegRestore.LocalCluster.Tests.Unit;

public sealed class KubeletRulesTests
{
    [Theory]
    [InlineData("/shared/br --x", "/tmp/pod/v/shared/br --x")]
    [InlineData("cat /shared", "cat /tmp/pod/v/shared")]
    [InlineData("cat /sharedx /a/shared", "cat /sharedx /a/shared")]
    [InlineData("echo x > /dev/termination-log", "echo x > /tmp/pod/term/c")]
    [InlineData("/shared/sub/f and /shared/deeper", "/tmp/pod/v/sub-mount/f and /tmp/pod/v/shared/deeper")]
    [InlineData("--dir=/shared/x", "--dir=/tmp/pod/v/shared/x")]
    [InlineData("local:///shared/ckpt", "local:///tmp/pod/v/shared/ckpt")]
    [InlineData("[\"--checkpoint-storage\",\"local:///shared\"]", "[\"--checkpoint-storage\",\"local:///tmp/pod/v/shared\"]")]
    [InlineData("file:///shared/sub/x?a=1", "file:///tmp/pod/v/sub-mount/x?a=1")]
    [InlineData("local:///a/shared s3://bucket/shared", "local:///a/shared s3://bucket/shared")]
    [InlineData("local:////shared", "local:////shared")]
    [InlineData("/tmp/x and /tmp", "/tmp/pod/v/tmp/x and /tmp/pod/v/tmp")]
    public void Container_paths_are_replaced_only_as_whole_paths(string text, string expected)
    {
        var mapping = new PathMapping(new Dictionary<string, string>
        {
            ["/shared"] = "/tmp/pod/v/shared",
            ["/shared/sub/"] = "/tmp/pod/v/sub-mount",
            ["/dev/termination-log"] = "/tmp/pod/term/c",
            ["/tmp"] = "/tmp/pod/v/tmp",
        });

        mapping.Map(text).Should().Be(expected);
    }

    [Fact]
    public void A_host_path_under_a_mounted_path_keeps_its_host_meaning()
    {
        // A checkout under /tmp: the backups it points BR at are host directories, while the pod mounts an emptyDir at /tmp.
        var host = Directory.CreateTempSubdirectory("pathmapping-host-").FullName;
        try
        {
            var mapping = new PathMapping(new Dictionary<string, string> { ["/tmp"] = "/tmp/lc/pod/volumes/tmp" });
            mapping.Map($"-s local://{host}/").Should().Be($"-s local://{host}/");
            mapping.Map("/tmp/not-there-" + Guid.NewGuid().ToString("N")).Should().StartWith("/tmp/lc/pod/volumes/tmp/not-there-");
            mapping.Map("/tmp").Should().Be("/tmp/lc/pod/volumes/tmp");
        }
        finally
        {
            Directory.Delete(host);
        }
    }

    [Fact]
    public void A_replaced_path_is_not_mapped_again_when_its_local_directory_lies_under_another_mount()
    {
        // The kubelet's directories live under /tmp while the worker pod mounts an emptyDir at /tmp.
        var mapping = new PathMapping(new Dictionary<string, string>
        {
            ["/var/lib/segrestore/checkpoint"] = "/tmp/lc/pod/volumes/checkpoint",
            ["/tmp"] = "/tmp/lc/pod/volumes/tmp",
        });

        mapping.Map("/var/lib/segrestore/checkpoint").Should().Be("/tmp/lc/pod/volumes/checkpoint");
        mapping.Map("[\"--checkpoint-storage\",\"local:///var/lib/segrestore/checkpoint\"]")
            .Should().Be("[\"--checkpoint-storage\",\"local:///tmp/lc/pod/volumes/checkpoint\"]");
        mapping.Map("/tmp").Should().Be("/tmp/lc/pod/volumes/tmp");
    }

    [Theory]
    [InlineData("segrestore/worker:*", "segrestore/worker:v1", true)]
    [InlineData("segrestore/worker:*", "segrestore/worker", false)]
    [InlineData("*/br:*", "pingcap/br:v9.0.0", true)]
    [InlineData("*", "anything", true)]
    [InlineData("shell:?", "shell:1", true)]
    [InlineData("shell:?", "shell:10", false)]
    public void Image_globs_match_whole_references(string pattern, string image, bool expected) =>
        Glob.IsMatch(pattern, image).Should().Be(expected);

    [Theory]
    [InlineData(new[] { 0, 0 }, true, "Succeeded")]
    [InlineData(new[] { 0, 1 }, true, "Failed")]
    [InlineData(new[] { 0, -1 }, true, "Running")]
    [InlineData(new[] { -1 }, false, "Pending")]
    public void Phase_follows_container_exits(int[] exits, bool started, string expected) =>
        PodStatusRules.Phase([.. exits.Select(e => e < 0 ? (int?)null : e)], started).Should().Be(expected);

    [Fact]
    public void The_command_overrides_the_image_entrypoint_and_args_follow()
    {
        var image = new ImageCommand("br:*", "/opt/brsim") { Arguments = ["--sim"] };
        var paths = new PathMapping([]);

        var withCommand = ContainerProcess.CommandLine(Container("""{"command":["/bin/sh","-c"],"args":["exit 0"]}"""), image, paths);
        var withoutCommand = ContainerProcess.CommandLine(Container("""{"args":["restore","point"]}"""), image, paths);
        var unmapped = ContainerProcess.CommandLine(Container("""{"args":["x"]}"""), null, paths);

        withCommand!.Value.Program.Should().Be("/bin/sh");
        withCommand.Value.Arguments.Should().Equal("-c", "exit 0");
        withoutCommand!.Value.Program.Should().Be("/opt/brsim");
        withoutCommand.Value.Arguments.Should().Equal("--sim", "restore", "point");
        unmapped.Should().BeNull();
    }

    [Fact]
    public void Environment_resolves_values_secrets_config_maps_and_fields()
    {
        var pod = (JsonObject)JsonNode.Parse("""{"metadata":{"name":"p","namespace":"ns","uid":"u1","labels":{"app":"a"}},"spec":{"nodeName":"n"}}""")!;
        var secret = (JsonObject)JsonNode.Parse("""{"data":{"key":"c2VjcmV0"}}""")!;
        var config = (JsonObject)JsonNode.Parse("""{"data":{"mode":"fast","other":"o"}}""")!;
        var resolver = new EnvironmentResolver(pod, (kind, name) => (kind, name) switch
        {
            ("Secret", "s") => secret,
            ("ConfigMap", "c") => config,
            _ => null,
        });

        var (variables, error) = resolver.Resolve(Container("""
            {"envFrom":[{"configMapRef":{"name":"c"},"prefix":"CM_"}],
             "env":[{"name":"A","value":"1"},{"name":"B","value":"$(A)-x-$$(A)"},
               {"name":"S","valueFrom":{"secretKeyRef":{"name":"s","key":"key"}}},
               {"name":"M","valueFrom":{"configMapKeyRef":{"name":"c","key":"mode"}}},
               {"name":"N","valueFrom":{"fieldRef":{"fieldPath":"metadata.name"}}},
               {"name":"NS","valueFrom":{"fieldRef":{"fieldPath":"metadata.namespace"}}},
               {"name":"UID","valueFrom":{"fieldRef":{"fieldPath":"metadata.uid"}}},
               {"name":"IP","valueFrom":{"fieldRef":{"fieldPath":"status.podIP"}}},
               {"name":"APP","valueFrom":{"fieldRef":{"fieldPath":"metadata.labels['app']"}}},
               {"name":"OPT","valueFrom":{"secretKeyRef":{"name":"absent","key":"k","optional":true}}}]}
            """));

        error.Should().BeNull();
        variables.Should().BeEquivalentTo(new Dictionary<string, string>
        {
            ["CM_mode"] = "fast",
            ["CM_other"] = "o",
            ["A"] = "1",
            ["B"] = "1-x-$(A)",
            ["S"] = "secret",
            ["M"] = "fast",
            ["N"] = "p",
            ["NS"] = "ns",
            ["UID"] = "u1",
            ["IP"] = "127.0.0.1",
            ["APP"] = "a",
        });
    }

    [Theory]
    [InlineData("""{"env":[{"name":"S","valueFrom":{"secretKeyRef":{"name":"absent","key":"k"}}}]}""", "secret \"absent\" not found")]
    [InlineData("""{"env":[{"name":"S","valueFrom":{"secretKeyRef":{"name":"s","key":"nokey"}}}]}""", "couldn't find key nokey in Secret ns/s")]
    public void A_missing_reference_is_a_config_error(string container, string expected)
    {
        var pod = (JsonObject)JsonNode.Parse("""{"metadata":{"name":"p","namespace":"ns"}}""")!;
        var resolver = new EnvironmentResolver(pod, (kind, name) => name == "s" ? new JsonObject { ["data"] = new JsonObject() } : null);

        resolver.Resolve(Container(container)).Error.Should().Be(expected);
    }

    private static JsonObject Container(string json) => (JsonObject)JsonNode.Parse(json)!;
}
