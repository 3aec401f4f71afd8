namespace SegRestore.Kube.Models;

/// <summary><c>metav1.Condition</c>: status is "True", "False" or "Unknown".</summary>
public sealed class V1Condition
{
    public string Type { get; set; } = "";

    public string Status { get; set; } = "Unknown";

    public long? ObservedGeneration { get; set; }

    public DateTime LastTransitionTime { get; set; }

    public string Reason { get; set; } = "";

    public string Message { get; set; } = "";
}
