using System.Text.Json.Serialization;

namespace SegRestore.Kube.Tests.Support;

/// <summary>An entity's own source-generated context, declared without naming options on purpose.</summary>
[JsonSerializable(typeof(Widget))]
public sealed partial class WidgetJsonContext : JsonSerializerContext;
