using System.Text.Json;
using k8s;
using k8s.Models;
using SegRestore.Kube.Client;
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
        var json = ((JsonElement)new EntityJson(WidgetJsonContext.Default).ToBody(Sample)).GetRawText();

        json.Should().Contain("\"spec\":{\"size\":\"large\"}").And.Contain("\"namespace\":\"ns\"")
            .And.Contain("\"lastTransitionTime\":\"2026-01-01T00:00:00Z\"").And.NotContain("\"phase\"");
    }

    /// <summary>Without a context the official serializer writes the entity by reflection with the same names and
    /// omissions; it keeps sub-second digits (the official converter's choice), so the sample's time is whole.</summary>
    [Fact]
    public void An_entity_without_a_context_falls_back_to_reflection_with_the_same_rules()
    {
        var whole = new Widget
        {
            Metadata = Sample.Metadata,
            Spec = Sample.Spec,
            Status = new WidgetStatus { Conditions = [new V1Condition { Type = "Ready", LastTransitionTime = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc) }] },
        };

        KubernetesJson.Serialize(EntityJson.BuiltIn.ToBody(whole)).Should()
            .Be(((JsonElement)new EntityJson(WidgetJsonContext.Default).ToBody(whole)).GetRawText());
    }

    [Fact]
    public void A_tree_from_the_server_becomes_the_entity_through_its_context()
    {
        using var document = JsonDocument.Parse("""{"apiVersion":"tests.segrestore.io/v1alpha1","kind":"Widget","metadata":{"name":"w"},"spec":{"size":"small"}}""");

        var widget = new EntityJson(WidgetJsonContext.Default).FromElement<Widget>(document.RootElement)!;

        widget.Spec.Size.Should().Be("small");
        widget.Metadata.Name.Should().Be("w");
    }
}
