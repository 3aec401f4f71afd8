using System.Text.Json.Serialization;
using SegRestore.Api.Models;
using SegRestore.Api.Serialization;

namespace SegRestore.Api.Serialization;

/// <summary>
/// Source-generated JSON for the API types: camelCase, nulls omitted, enums as strings, metav1.Time for every
/// DateTime (the Kubernetes object models included).
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true,
    Converters = [typeof(TimeJsonConverter)])]
[JsonSerializable(typeof(PointRestoreSegment))]
[JsonSerializable(typeof(List<PointRestoreSegment>))]
[JsonSerializable(typeof(PointRestoreSegmentSpec))]
[JsonSerializable(typeof(PointRestoreSegmentStatus))]
public sealed partial class SegRestoreJsonContext : JsonSerializerContext;
