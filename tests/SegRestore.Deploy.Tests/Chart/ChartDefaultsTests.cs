using System.Text.Json.Nodes;
using SegRestore.Api.Tests.Support;
using SegRestore.Cli.Manifests;
using SegRestore.Cli.Yaml;
using SegRestore.Operator.Configuration;

namespace SegRestore.Deploy.Tests.Chart;

/// <summary>The chart's defaults and the generated manifests describe the same operator pod, so neither install path
/// drifts from the other.</summary>
public class ChartDefaultsTests
{
    private static readonly JsonObject Values =
        YamlJson.ParseDocuments(File.ReadAllText(RepositoryPaths.Combine("charts", "segrestore", "values.yaml"))).Single()!.AsObject();

    private static readonly JsonNode Pod = YamlJson.ParseDocuments(ManifestSet.Render(new ManifestSettings())[ManifestSet.OperatorFile])
        .Single(d => d!["kind"]!.GetValue<string>() == "Deployment")!["spec"]!["template"]!["spec"]!;

    [Fact]
    public void Security_contexts_and_resources_match_the_generated_deployment()
    {
        JsonNode.DeepEquals(Values["podSecurityContext"], Pod["securityContext"]).Should().BeTrue("values.yaml podSecurityContext must equal config/operator.yaml's");
        JsonNode.DeepEquals(Values["securityContext"], Pod["containers"]![0]!["securityContext"]).Should().BeTrue("values.yaml securityContext must equal config/operator.yaml's");
        JsonNode.DeepEquals(Values["resources"], Pod["containers"]![0]!["resources"]).Should().BeTrue("values.yaml resources must equal config/operator.yaml's");
    }

    [Fact]
    public void Ports_images_and_worker_settings_default_to_the_operator_defaults()
    {
        var defaults = new OperatorOptions();

        Values["service"]!["reporterPort"]!.GetValue<long>().Should().Be(defaults.ReporterPort);
        Values["service"]!["httpPort"]!.GetValue<long>().Should().Be(defaults.HttpPort);
        Image("worker").Should().Be(defaults.WorkerImage);
        Image("br").Should().Be(defaults.DefaultBrImage);
        Image("operator").Should().Be(ManifestSettings.DefaultOperatorImage);
        Values["operator"]!["workers"]!.GetValue<long>().Should().Be(defaults.Workers);
        Values["operator"]!["workerSyncIntervalSeconds"]!.GetValue<long>().Should().Be(defaults.WorkerSyncIntervalSeconds);
        Values["operator"]!["workerProgressIntervalSeconds"]!.GetValue<long>().Should().Be(defaults.WorkerProgressIntervalSeconds);
        Values["operator"]!["workerTerminationGraceSeconds"]!.GetValue<long>().Should().Be(defaults.WorkerTerminationGraceSeconds);
        Values["operator"]!["workerConfigErrorGraceSeconds"]!.GetValue<long>().Should().Be(defaults.WorkerConfigErrorGraceSeconds);
        Values["operator"]!["workerImagePullGraceSeconds"]!.GetValue<long>().Should().Be(defaults.WorkerImagePullGraceSeconds);
        Values["operator"]!["workerUnschedulableGraceSeconds"]!.GetValue<long>().Should().Be(defaults.WorkerUnschedulableGraceSeconds);
    }

    private static string Image(string name) =>
        $"{Values["image"]![name]!["repository"]!.GetValue<string>()}:{Values["image"]![name]!["tag"]!.GetValue<string>()}";
}
