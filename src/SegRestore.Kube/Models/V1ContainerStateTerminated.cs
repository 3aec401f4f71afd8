namespace SegRestore.Kube.Models;

/// <summary><c>core/v1 ContainerStateTerminated</c>.</summary>
public sealed class V1ContainerStateTerminated
{
    public int ExitCode { get; set; }

    public int? Signal { get; set; }

    public string? Reason { get; set; }

    public string? Message { get; set; }

    public DateTime? StartedAt { get; set; }

    public DateTime? FinishedAt { get; set; }

    public string? ContainerID { get; set; }
}
