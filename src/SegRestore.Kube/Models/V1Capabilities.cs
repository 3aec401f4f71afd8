namespace SegRestore.Kube.Models;

/// <summary><c>core/v1 Capabilities</c>.</summary>
public sealed class V1Capabilities
{
    public IList<string>? Add { get; set; }

    public IList<string>? Drop { get; set; }
}
