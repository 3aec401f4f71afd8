namespace SegRestore.Kube.Models;

/// <summary><c>core/v1 PodCondition</c>.</summary>
public sealed class V1PodCondition
{
    public string Type { get; set; } = "";

    public string Status { get; set; } = "Unknown";

    public DateTime? LastProbeTime { get; set; }

    public DateTime? LastTransitionTime { get; set; }

    public string? Reason { get; set; }

    public string? Message { get; set; }
}
