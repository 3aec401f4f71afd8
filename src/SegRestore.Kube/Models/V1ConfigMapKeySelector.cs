namespace SegRestore.Kube.Models;

/// <summary><c>core/v1 ConfigMapKeySelector</c>.</summary>
public sealed class V1ConfigMapKeySelector
{
    public string Name { get; set; } = "";

    public string Key { get; set; } = "";

    public bool? Optional { get; set; }
}
