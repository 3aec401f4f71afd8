namespace SegRestore.Kube.Models;

/// <summary>A custom resource with spec and status (KubeOps' <c>CustomKubernetesEntity&lt;TSpec, TStatus&gt;</c>).</summary>
public abstract class CustomKubernetesEntity<TSpec, TStatus> : IKubernetesObject<V1ObjectMeta>
    where TSpec : new()
{
    public abstract string ApiVersion { get; set; }

    public abstract string Kind { get; set; }

    public V1ObjectMeta Metadata { get; set; } = new();

    public TSpec Spec { get; set; } = new();

    public TStatus? Status { get; set; }
}
