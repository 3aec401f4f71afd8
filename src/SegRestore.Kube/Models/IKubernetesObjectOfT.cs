namespace SegRestore.Kube.Models;

/// <summary>A Kubernetes object with metadata (k8s.IKubernetesObject&lt;TMetadata&gt;).</summary>
public interface IKubernetesObject<TMetadata> : IKubernetesObject
{
    TMetadata Metadata { get; set; }
}
