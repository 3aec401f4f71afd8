namespace SegRestore.Kube.Models;

/// <summary><c>core/v1 PodStatus</c>.</summary>
public sealed class V1PodStatus
{
    /// <summary>Pending, Running, Succeeded, Failed or Unknown.</summary>
    public string? Phase { get; set; }

    public IList<V1PodCondition>? Conditions { get; set; }

    public string? Message { get; set; }

    public string? Reason { get; set; }

    public string? PodIP { get; set; }

    public DateTime? StartTime { get; set; }

    public IList<V1ContainerStatus>? InitContainerStatuses { get; set; }

    public IList<V1ContainerStatus>? ContainerStatuses { get; set; }
}
