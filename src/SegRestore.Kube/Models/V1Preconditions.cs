namespace SegRestore.Kube.Models;

/// <summary><c>metav1.Preconditions</c>: delete only this exact object.</summary>
public sealed class V1Preconditions
{
    public string? Uid { get; set; }

    public string? ResourceVersion { get; set; }
}
