using k8s;
using k8s.Models;

namespace SegRestore.Kube.Events;

/// <summary>
/// Publishes Events about an object (KubeOps' <c>EventPublisher</c>, client-go's <c>EventRecorder</c>). Repeats of
/// the same reason and message on the same object bump one Event's count. Publishing never throws: an Event that
/// cannot be written is logged, because no reconcile should fail over its own commentary.
/// </summary>
public interface IEventRecorder
{
    Task RecordAsync(
        IKubernetesObject<V1ObjectMeta> involvedObject,
        EventType type,
        string reason,
        string message,
        CancellationToken cancellationToken = default);
}
