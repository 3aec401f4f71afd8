namespace SegRestore.Kube.Models;

/// <summary><c>metav1.StatusCause</c>: one field-level reason.</summary>
public sealed class V1StatusCause
{
    public string? Reason { get; set; }

    public string? Message { get; set; }

    public string? Field { get; set; }
}
