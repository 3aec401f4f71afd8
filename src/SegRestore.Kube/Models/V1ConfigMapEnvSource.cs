namespace SegRestore.Kube.Models;

/// <summary><c>core/v1 ConfigMapEnvSource</c>.</summary>
public sealed class V1ConfigMapEnvSource
{
    public string Name { get; set; } = "";

    public bool? Optional { get; set; }
}
