namespace SegRestore.Kube.Models;

/// <summary><c>core/v1 EnvVarSource</c>.</summary>
public sealed class V1EnvVarSource
{
    public V1SecretKeySelector? SecretKeyRef { get; set; }

    public V1ConfigMapKeySelector? ConfigMapKeyRef { get; set; }

    public V1ObjectFieldSelector? FieldRef { get; set; }
}
