namespace SegRestore.Kube.Models;

/// <summary><c>core/v1 SecretVolumeSource</c>.</summary>
public sealed class V1SecretVolumeSource
{
    public string? SecretName { get; set; }

    public int? DefaultMode { get; set; }

    public bool? Optional { get; set; }

    public IList<V1KeyToPath>? Items { get; set; }
}
