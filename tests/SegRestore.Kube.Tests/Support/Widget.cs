using k8s;
using k8s.Models;

namespace SegRestore.Kube.Tests.Support;

/// <summary>A custom resource shaped like PointRestoreSegment: an official <see cref="IKubernetesObject{TMetadata}"/>
/// with spec and status, the entity attribute and a status subresource.</summary>
[KubernetesEntity(Group = "tests.segrestore.io", ApiVersion = "v1alpha1", Kind = "Widget", PluralName = "widgets")]
public sealed class Widget : IKubernetesObject<V1ObjectMeta>, ISpec<WidgetSpec>, IStatus<WidgetStatus?>
{
    public string ApiVersion { get; set; } = "tests.segrestore.io/v1alpha1";

    public string Kind { get; set; } = "Widget";

    public V1ObjectMeta Metadata { get; set; } = new();

    public WidgetSpec Spec { get; set; } = new();

    public WidgetStatus? Status { get; set; }
}
