using System.Text.Json.Serialization;
using SegRestore.Api.Serialization;

namespace SegRestore.Kube.Tests.Support;

/// <summary>An entity's own source-generated context, declaring Kubernetes' conventions as the project's context does.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(TimeJsonConverter)])]
[JsonSerializable(typeof(Widget))]
public sealed partial class WidgetJsonContext : JsonSerializerContext;
