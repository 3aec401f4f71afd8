namespace SegRestore.Kube.Models;

/// <summary>
/// One decoded line of a watch stream. <see cref="Object"/> is set for ADDED/MODIFIED/DELETED/BOOKMARK (a bookmark
/// carries only <c>metadata.resourceVersion</c>); <see cref="Status"/> is set for ERROR.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720", Justification = "Named like KubernetesClient's WatchEvent.Object and the wire field.")]
public sealed record WatchEvent<TEntity>(WatchEventType Type, TEntity? Object, V1Status? Status);
