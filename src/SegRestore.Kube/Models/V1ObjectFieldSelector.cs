namespace SegRestore.Kube.Models;

/// <summary><c>core/v1 ObjectFieldSelector</c> (e.g. <c>metadata.name</c>).</summary>
public sealed class V1ObjectFieldSelector
{
    public string? ApiVersion { get; set; }

    public string FieldPath { get; set; } = "";
}
