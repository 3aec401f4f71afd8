using k8s;
using k8s.Models;

namespace SegRestore.Kube.Client;

/// <summary>
/// One event of a watch stream as <see cref="IKubernetesClient.WatchAsync{TEntity}"/> yields it. <see cref="Object"/>
/// is set for ADDED/MODIFIED/DELETED/BOOKMARK (a bookmark carries only <c>metadata.resourceVersion</c>);
/// <see cref="Status"/> is set for ERROR, which the official watcher reports as a <see cref="k8s.KubernetesException"/>.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720", Justification = "Named like KubernetesClient's WatchEvent.Object and the wire field.")]
public sealed record WatchEvent<TEntity>(WatchEventType Type, TEntity? Object, V1Status? Status);
