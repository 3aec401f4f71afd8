using System.Text.Json.Serialization;
using SegRestore.Api.Crd;

namespace SegRestore.Api.Serialization;

/// <summary>Source-generated JSON for the CRD object model (camelCase, nulls omitted).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CustomResourceDefinition))]
public sealed partial class CrdJsonContext : JsonSerializerContext;
