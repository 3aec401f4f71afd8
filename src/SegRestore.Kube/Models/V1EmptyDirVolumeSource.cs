namespace SegRestore.Kube.Models;

/// <summary><c>core/v1 EmptyDirVolumeSource</c>.</summary>
public sealed class V1EmptyDirVolumeSource
{
    public string? Medium { get; set; }

    public string? SizeLimit { get; set; }
}
