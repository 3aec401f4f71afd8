using SegRestore.Kube.Models;

namespace SegRestore.Kube.Tests.Support;

/// <summary>A custom resource shaped like PointRestoreSegment: a <see cref="CustomKubernetesEntity{TSpec, TStatus}"/>
/// with the entity attribute and a status subresource.</summary>
[KubernetesEntity(Group = "tests.segrestore.io", ApiVersion = "v1alpha1", Kind = "Widget", PluralName = "widgets")]
public sealed class Widget : CustomKubernetesEntity<WidgetSpec, WidgetStatus>
{
    public override string ApiVersion { get; set; } = "tests.segrestore.io/v1alpha1";

    public override string Kind { get; set; } = "Widget";
}
