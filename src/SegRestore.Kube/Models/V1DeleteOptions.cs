namespace SegRestore.Kube.Models;

/// <summary><c>metav1.DeleteOptions</c>.</summary>
public sealed class V1DeleteOptions
{
    public string ApiVersion { get; set; } = "v1";

    public string Kind { get; set; } = "DeleteOptions";

    public long? GracePeriodSeconds { get; set; }

    public V1Preconditions? Preconditions { get; set; }

    /// <summary>Background, Foreground or Orphan.</summary>
    public string? PropagationPolicy { get; set; }
}
