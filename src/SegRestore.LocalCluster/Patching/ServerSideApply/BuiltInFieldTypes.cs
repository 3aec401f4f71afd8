namespace SegRestore.LocalCluster.Patching.ServerSideApply;

/// <summary>The list and map types of the built-in kinds LocalCluster serves, from the Go types' markers
/// (<c>+listType=map</c>, <c>+listMapKey=...</c>, <c>+listType=set</c>); any other list is atomic.</summary>
public sealed class BuiltInFieldTypes : FieldTypes
{
    public static BuiltInFieldTypes Instance { get; } = new();

    private static readonly Dictionary<string, ListType> ListsByField = new(StringComparer.Ordinal)
    {
        ["containers"] = ListType.MapBy("name"),
        ["initContainers"] = ListType.MapBy("name"),
        ["ephemeralContainers"] = ListType.MapBy("name"),
        ["volumes"] = ListType.MapBy("name"),
        ["env"] = ListType.MapBy("name"),
        ["imagePullSecrets"] = ListType.MapBy("name"),
        ["volumeMounts"] = ListType.MapBy("mountPath"),
        ["conditions"] = ListType.MapBy("type"),
        ["ownerReferences"] = ListType.MapBy("uid"),
        ["hostAliases"] = ListType.MapBy("ip"),
        ["finalizers"] = ListType.Set,
    };

    private static readonly HashSet<string> MapFields = new(StringComparer.Ordinal)
    {
        "labels", "annotations", "data", "binaryData", "stringData", "nodeSelector", "matchLabels", "capacity",
        "limits", "requests", "allocatedResources",
    };

    public override ListType ListAt(FieldPath path)
    {
        var field = LastField(path);
        if (field == "ports")
        {
            // Container ports are keyed by port and protocol; a Service's ports by port and protocol too.
            var inContainer = path.Elements.Any(e => e is "f:containers" or "f:initContainers" or "f:ephemeralContainers");
            return inContainer ? ListType.MapBy("containerPort", "protocol") : ListType.MapBy("port", "protocol");
        }

        return field is not null && ListsByField.TryGetValue(field, out var type) ? type : ListType.Atomic;
    }

    public override bool IsMap(FieldPath path) => LastField(path) is { } field && MapFields.Contains(field);
}
