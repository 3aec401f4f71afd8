namespace SegRestore.Kube.Models;

/// <summary><c>core/v1 LocalObjectReference</c>.</summary>
public sealed class V1LocalObjectReference
{
    public string? Name { get; set; }
}
