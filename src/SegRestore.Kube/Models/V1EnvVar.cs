namespace SegRestore.Kube.Models;

/// <summary><c>core/v1 EnvVar</c>: a literal value or a reference (never both).</summary>
public sealed class V1EnvVar
{
    public string Name { get; set; } = "";

    public string? Value { get; set; }

    public V1EnvVarSource? ValueFrom { get; set; }
}
