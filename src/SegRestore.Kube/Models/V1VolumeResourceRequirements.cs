namespace SegRestore.Kube.Models;

/// <summary><c>core/v1 VolumeResourceRequirements</c> (a claim's requested size); quantities stay strings ("1Gi").</summary>
public sealed class V1VolumeResourceRequirements
{
    public IDictionary<string, string>? Limits { get; set; }

    public IDictionary<string, string>? Requests { get; set; }
}
