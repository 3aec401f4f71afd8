namespace SegRestore.Kube.Models;

/// <summary><c>core/v1 ConfigMapVolumeSource</c>.</summary>
public sealed class V1ConfigMapVolumeSource
{
    public string? Name { get; set; }

    public int? DefaultMode { get; set; }

    public bool? Optional { get; set; }

    public IList<V1KeyToPath>? Items { get; set; }
}
