namespace SegRestore.Kube.Models;

/// <summary><c>core/v1 ContainerStateRunning</c>.</summary>
public sealed class V1ContainerStateRunning
{
    public DateTime? StartedAt { get; set; }
}
