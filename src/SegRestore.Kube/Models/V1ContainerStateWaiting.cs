namespace SegRestore.Kube.Models;

/// <summary><c>core/v1 ContainerStateWaiting</c>.</summary>
public sealed class V1ContainerStateWaiting
{
    public string? Reason { get; set; }

    public string? Message { get; set; }
}
