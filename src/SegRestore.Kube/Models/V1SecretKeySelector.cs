namespace SegRestore.Kube.Models;

/// <summary><c>core/v1 SecretKeySelector</c>.</summary>
public sealed class V1SecretKeySelector
{
    public string Name { get; set; } = "";

    public string Key { get; set; } = "";

    public bool? Optional { get; set; }
}
