using System.Text.Json.Serialization;

namespace SegRestore.Kube.Models;

/// <summary><c>core/v1 ObjectReference</c>: what an Event is about.</summary>
public sealed class V1ObjectReference
{
    public string? ApiVersion { get; set; }

    public string? Kind { get; set; }

    public string? Name { get; set; }

    [JsonPropertyName("namespace")]
    public string? NamespaceProperty { get; set; }

    public string? Uid { get; set; }

    public string? ResourceVersion { get; set; }

    public string? FieldPath { get; set; }
}
