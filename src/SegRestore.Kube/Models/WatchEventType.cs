namespace SegRestore.Kube.Models;

/// <summary>The <c>type</c> of a watch event (KubernetesClient's <c>k8s.WatchEventType</c>).</summary>
public enum WatchEventType
{
    Added,
    Modified,
    Deleted,
    Error,
    Bookmark,
}
