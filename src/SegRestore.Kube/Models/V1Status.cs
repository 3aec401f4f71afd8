namespace SegRestore.Kube.Models;

/// <summary><c>metav1.Status</c>: the body of every API error.</summary>
public sealed class V1Status
{
    public string? ApiVersion { get; set; }

    public string? Kind { get; set; }

    /// <summary>"Success" or "Failure".</summary>
    public string? Status { get; set; }

    public string? Message { get; set; }

    /// <summary>NotFound, AlreadyExists, Conflict, Invalid, Gone, ...</summary>
    public string? Reason { get; set; }

    public int? Code { get; set; }

    public V1StatusDetails? Details { get; set; }
}
