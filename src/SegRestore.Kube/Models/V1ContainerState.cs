namespace SegRestore.Kube.Models;

/// <summary><c>core/v1 ContainerState</c>: at most one member is set.</summary>
public sealed class V1ContainerState
{
    public V1ContainerStateWaiting? Waiting { get; set; }

    public V1ContainerStateRunning? Running { get; set; }

    public V1ContainerStateTerminated? Terminated { get; set; }
}
