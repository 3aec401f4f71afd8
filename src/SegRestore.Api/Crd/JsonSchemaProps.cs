using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace SegRestore.Api.Crd;

/// <summary>JSONSchemaProps: the subset of OpenAPI v3 a structural CRD schema uses.</summary>
public sealed class JsonSchemaProps
{
    public string? Description { get; set; }

    public string? Type { get; set; }

    public string? Format { get; set; }

    public List<string>? Enum { get; set; }

    public string? Pattern { get; set; }

    public long? MinLength { get; set; }

    public long? MaxLength { get; set; }

    public long? MaxItems { get; set; }

    public double? Minimum { get; set; }

    public double? Maximum { get; set; }

    public JsonNode? Default { get; set; }

    public Dictionary<string, JsonSchemaProps>? Properties { get; set; }

    public List<string>? Required { get; set; }

    public JsonSchemaProps? AdditionalProperties { get; set; }

    public JsonSchemaProps? Items { get; set; }

    public List<JsonSchemaProps>? AnyOf { get; set; }

    [JsonPropertyName("x-kubernetes-int-or-string")]
    public bool? XKubernetesIntOrString { get; set; }

    [JsonPropertyName("x-kubernetes-preserve-unknown-fields")]
    public bool? XKubernetesPreserveUnknownFields { get; set; }

    [JsonPropertyName("x-kubernetes-list-type")]
    public string? XKubernetesListType { get; set; }

    [JsonPropertyName("x-kubernetes-list-map-keys")]
    public List<string>? XKubernetesListMapKeys { get; set; }

    [JsonPropertyName("x-kubernetes-validations")]
    public List<CrdValidationRule>? XKubernetesValidations { get; set; }
}
