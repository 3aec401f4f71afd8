namespace SegRestore.Kube.Models;

/// <summary><c>core/v1 SecretEnvSource</c>.</summary>
public sealed class V1SecretEnvSource
{
    public string Name { get; set; } = "";

    public bool? Optional { get; set; }
}
