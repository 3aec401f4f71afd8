using System.Text.Json.Nodes;
using SegRestore.Cli.Yaml;

namespace SegRestore.Cli.Tests;

/// <summary>Kubernetes objects the CLI writes go through the official KubernetesYaml, each checked against its model.</summary>
public class OfficialYamlTests
{
    private static JsonObject Deployment(string containerField = "image") => JsonNode.Parse("""
        {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"op","namespace":"ns"},
         "spec":{"replicas":1,"selector":{"matchLabels":{"app":"x"}},
                 "template":{"metadata":{"labels":{"app":"x"}},
                             "spec":{"containers":[{"name":"c","FIELD":"i:1","args":["--flag","yes","8080"],
                                                    "ports":[{"name":"http","containerPort":8080}],
                                                    "resources":{"requests":{"cpu":"100m","memory":"128Mi"}}}],
                                     "volumes":[{"name":"tmp","emptyDir":{}}]}}}}
        """.Replace("FIELD", containerField, StringComparison.Ordinal))!.AsObject();

    [Fact]
    public void Documents_are_written_as_kubectl_writes_them_and_read_back_unchanged()
    {
        var ns = JsonNode.Parse("""{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"restores"}}""")!.AsObject();

        var yaml = OfficialYaml.Serialize([ns, Deployment()]);

        yaml.Should().Contain("---").And.Contain("- \"yes\"", "a YAML 1.1 boolean word stays a string").And.Contain("- \"8080\"");
        var back = YamlJson.ParseDocuments(yaml);
        back.Should().HaveCount(2);
        JsonNode.DeepEquals(back[0], ns).Should().BeTrue();
        JsonNode.DeepEquals(back[1], Deployment()).Should().BeTrue(back[1]!.ToJsonString());
    }

    [Fact]
    public void A_field_the_official_model_does_not_have_fails_naming_the_object_and_the_path() =>
        FluentActions.Invoking(() => OfficialYaml.Serialize([Deployment(containerField: "imgae")]))
            .Should().Throw<InvalidOperationException>()
            .WithMessage("Deployment/op: spec.template.spec.containers[0].imgae is not a field of apps/v1 Deployment*correct the manifest.");

    [Fact]
    public void A_kind_the_official_client_does_not_know_fails_naming_it() =>
        FluentActions.Invoking(() => OfficialYaml.Serialize([JsonNode.Parse("""{"apiVersion":"v1","kind":"NoSuchKind","metadata":{"name":"n"}}""")!.AsObject()]))
            .Should().Throw<InvalidOperationException>().WithMessage("NoSuchKind/n: the official client has no model for apiVersion 'v1' kind 'NoSuchKind'.");

    [Theory]
    [InlineData("v1", "Pod", "V1Pod")]
    [InlineData("apps/v1", "Deployment", "V1Deployment")]
    [InlineData("coordination.k8s.io/v1", "Lease", "V1Lease")]
    [InlineData("events.k8s.io/v1", "Event", "Eventsv1Event")]
    [InlineData("v1", "Event", "Corev1Event")]
    public void Models_are_found_by_api_version_and_kind(string apiVersion, string kind, string model) =>
        OfficialYaml.ModelOf(apiVersion, kind)!.Name.Should().Be(model);
}
