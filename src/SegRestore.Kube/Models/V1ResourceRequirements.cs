namespace SegRestore.Kube.Models;

/// <summary><c>core/v1 ResourceRequirements</c>; quantities stay strings ("500m", "1Gi").</summary>
public sealed class V1ResourceRequirements
{
    public IDictionary<string, string>? Limits { get; set; }

    public IDictionary<string, string>? Requests { get; set; }
}
