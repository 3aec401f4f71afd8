namespace SegRestore.Kube.Models;

/// <summary><c>core/v1 EventSource</c>.</summary>
public sealed class V1EventSource
{
    public string? Component { get; set; }

    public string? Host { get; set; }
}
