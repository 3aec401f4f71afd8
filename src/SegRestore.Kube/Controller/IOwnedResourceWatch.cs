using k8s;
using k8s.Models;
using SegRestore.Kube.Queue;

namespace SegRestore.Kube.Controller;

/// <summary>A watch on an owned kind that wakes the owner's key in the controller's queue.</summary>
public interface IOwnedResourceWatch<TOwner>
    where TOwner : IKubernetesObject<V1ObjectMeta>
{
    /// <summary>Runs a fresh informer for one leadership term, until cancelled.</summary>
    Task RunAsync(IWorkQueue queue, CancellationToken cancellationToken);
}
