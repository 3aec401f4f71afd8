using System.Text.Json;
using SegRestore.Kube.Models;
using SegRestore.Kube.Serialization;
using SegRestore.Kube.Tests.Support;

namespace SegRestore.Kube.Tests.Client;

public class EntityJsonTests
{
    private static readonly Widget Sample = new()
    {
        Metadata = new V1ObjectMeta { Name = "w", NamespaceProperty = "ns" },
        Spec = new WidgetSpec { Size = "large" },
        Status = new WidgetStatus { Conditions = [new V1Condition { Type = "Ready", LastTransitionTime = new DateTime(2026, 1, 1, 0, 0, 0, 500, DateTimeKind.Utc) }] },
    };

    [Fact]
    public void An_entity_context_added_to_the_options_follows_kubernetes_naming_and_times()
    {
        var options = KubernetesJson.Create(WidgetJsonContext.Default);

        var json = JsonSerializer.Serialize(Sample, options);

        json.Should().Contain("\"spec\":{\"size\":\"large\"}").And.Contain("\"namespace\":\"ns\"")
            .And.Contain("\"lastTransitionTime\":\"2026-01-01T00:00:00Z\"").And.NotContain("\"phase\"");
    }

    [Fact]
    public void An_entity_without_a_context_falls_back_to_reflection_with_the_same_rules() =>
        JsonSerializer.Serialize(Sample, KubernetesJson.Default).Should()
            .Be(JsonSerializer.Serialize(Sample, KubernetesJson.Create(WidgetJsonContext.Default)));
}
