namespace SegRestore.Kube.Models;

/// <summary><c>core/v1 PersistentVolumeClaimStatus</c>: Pending, Bound or Lost.</summary>
public sealed class V1PersistentVolumeClaimStatus
{
    public string? Phase { get; set; }

    public IList<string>? AccessModes { get; set; }

    public IDictionary<string, string>? Capacity { get; set; }
}
