using System.Text.Json.Nodes;
using SegRestore.Api.Models;
using SegRestore.Api.Tests.Support;
using SegRestore.Cli.Manifests;
using SegRestore.Cli.Yaml;
using SegRestore.Deploy.Tests.Support;

namespace SegRestore.Deploy.Tests.Manifests;

/// <summary>
/// The built-in objects SegRestore ships or creates validate against the Kubernetes schemas of the npm package
/// kubernetes-models (config/samples are PointRestoreSegments, checked against our CRD by the Api and kubectl tests).
/// </summary>
public class KubernetesSchemaTests
{
    [Fact]
    public async Task Every_committed_manifest_in_config_validates_against_the_kubernetes_schemas()
    {
        var files = Directory.GetFiles(RepositoryPaths.Combine("config"), "*.yaml", SearchOption.TopDirectoryOnly).Order(StringComparer.Ordinal).ToList();
        files.Select(Path.GetFileName).Should().Contain([ManifestSet.NamespaceFile, ManifestSet.RbacFile, ManifestSet.OperatorFile]);

        var sources = files.ToDictionary(f => f, KubernetesSchemas.YamlFile);
        var (exitCode, output) = await KubernetesSchemas.ValidateAsync(sources);

        exitCode.Should().Be(0, $"every object must validate:\n{output}");
        OkLines(output).Should().Be(sources.Values.Sum(objects => objects.Count), output);
    }

    [Fact]
    public async Task Manifests_for_a_watched_namespace_validate_against_the_kubernetes_schemas()
    {
        var rendered = ManifestSet.Render(new ManifestSettings { Namespace = "ops", WatchNamespace = "tidb", OperatorImage = "registry.example.com/segrestore/operator:1.0.0" });
        var sources = rendered.ToDictionary(pair => "watched-" + pair.Key, pair => YamlJson.ParseDocuments(pair.Value));

        var (exitCode, output) = await KubernetesSchemas.ValidateAsync(sources);

        exitCode.Should().Be(0, $"every object must validate:\n{output}");
        output.Should().Contain("Role/segrestore-segments").And.NotContain("ClusterRole/");
    }

    [Fact]
    public async Task Worker_pods_the_operator_builds_validate_against_the_pod_schema()
    {
        var sources = new Dictionary<string, IReadOnlyList<JsonNode?>>
        {
            ["pod-managed-checkpoint"] = [WorkerPodSample.Build(CheckpointMode.Managed, withTls: false, withWorkerOptions: false)],
            ["pod-external-checkpoint-tls-worker-options"] = [WorkerPodSample.Build(CheckpointMode.External, withTls: true, withWorkerOptions: true)],
            ["pod-table-checkpoint"] = [WorkerPodSample.Build(CheckpointMode.Table, withTls: false, withWorkerOptions: true)],
        };

        var (exitCode, output) = await KubernetesSchemas.ValidateAsync(sources);

        exitCode.Should().Be(0, $"every worker pod must validate:\n{output}");
        OkLines(output).Should().Be(3, output);
    }

    [Fact]
    public async Task The_checker_rejects_an_object_that_breaks_the_schema_and_names_the_field()
    {
        var deployment = YamlJson.ParseDocuments(ManifestSet.Render(new ManifestSettings())[ManifestSet.OperatorFile])
            .Single(d => d!["kind"]!.GetValue<string>() == "Deployment")!;
        deployment["spec"]!["template"]!["spec"]!["containers"]![0]!["ports"]![0]!["containerPort"] = "nine-four-four-three";
        var unknownKind = new JsonObject { ["apiVersion"] = "v1", ["kind"] = "NoSuchKind", ["metadata"] = new JsonObject { ["name"] = "x" } };

        var (exitCode, output) = await KubernetesSchemas.ValidateAsync(new Dictionary<string, IReadOnlyList<JsonNode?>>
        {
            ["broken"] = [deployment, unknownKind],
        });

        exitCode.Should().Be(1);
        output.Should().Contain("FAIL").And.Contain("/spec/template/spec/containers/0/ports/0/containerPort")
            .And.Contain("no schema for apiVersion v1 kind NoSuchKind");
    }

    private static int OkLines(string output) => output.Split('\n').Count(line => line.StartsWith("ok ", StringComparison.Ordinal));
}
