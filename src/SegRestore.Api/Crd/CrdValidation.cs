using System.Text.Json.Serialization;

namespace SegRestore.Api.Crd;

/// <summary>CustomResourceValidation: the version's structural schema.</summary>
public sealed class CrdValidation
{
    [JsonPropertyName("openAPIV3Schema")]
    public JsonSchemaProps OpenApiV3Schema { get; set; } = new();
}
