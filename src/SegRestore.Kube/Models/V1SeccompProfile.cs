namespace SegRestore.Kube.Models;

/// <summary><c>core/v1 SeccompProfile</c>.</summary>
public sealed class V1SeccompProfile
{
    public string Type { get; set; } = "RuntimeDefault";

    public string? LocalhostProfile { get; set; }
}
