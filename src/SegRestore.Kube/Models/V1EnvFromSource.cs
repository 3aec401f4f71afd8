namespace SegRestore.Kube.Models;

/// <summary><c>core/v1 EnvFromSource</c>.</summary>
public sealed class V1EnvFromSource
{
    public string? Prefix { get; set; }

    public V1SecretEnvSource? SecretRef { get; set; }

    public V1ConfigMapEnvSource? ConfigMapRef { get; set; }
}
