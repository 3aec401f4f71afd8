namespace SegRestore.Kube.Models;

/// <summary>
/// A list response (<c>PodList</c>, <c>PointRestoreSegmentList</c>, ...): KubernetesClient's per-kind <c>V1PodList</c>
/// types and KubeOps' <c>EntityList&lt;T&gt;</c> in one generic shape.
/// </summary>
public sealed class KubernetesList<TItem>
{
    public string? ApiVersion { get; set; }

    public string? Kind { get; set; }

    public V1ListMeta Metadata { get; set; } = new();

    public IList<TItem> Items { get; set; } = [];
}
