using k8s;
using k8s.Models;

namespace SegRestore.Store.ConfigMaps;

/// <summary>Maps between the ledger's <see cref="ConfigMapObject"/> and the API's <see cref="V1ConfigMap"/>. Pure,
/// so it is tested on its own; every map is copied so neither side aliases the other's dictionaries or byte arrays.</summary>
public static class ConfigMapMapping
{
    public static V1ConfigMap ToKubernetes(ConfigMapObject configMap, string @namespace)
    {
        ArgumentNullException.ThrowIfNull(configMap);
        return new V1ConfigMap
        {
            ApiVersion = V1ConfigMap.KubeApiVersion,
            Kind = V1ConfigMap.KubeKind,
            Metadata = new V1ObjectMeta
            {
                Name = configMap.Name,
                NamespaceProperty = @namespace,
                ResourceVersion = configMap.ResourceVersion,
                Labels = configMap.Labels.Count == 0 ? null : new Dictionary<string, string>(configMap.Labels),
                Annotations = configMap.Annotations.Count == 0 ? null : new Dictionary<string, string>(configMap.Annotations),
            },
            Data = configMap.Data.Count == 0 ? null : new Dictionary<string, string>(configMap.Data),
            BinaryData = configMap.BinaryData.Count == 0 ? null : configMap.BinaryData.ToDictionary(pair => pair.Key, pair => pair.Value.ToArray()),
        };
    }

    /// <summary>Without <paramref name="includeData"/> data and binaryData come back empty (the shape of a
    /// metadata-only list).</summary>
    public static ConfigMapObject FromKubernetes(V1ConfigMap configMap, bool includeData)
    {
        ArgumentNullException.ThrowIfNull(configMap);
        var metadata = configMap.Metadata;
        return new ConfigMapObject(
            metadata.Name ?? throw new ArgumentException("The API server returned a ConfigMap without metadata.name.", nameof(configMap)),
            metadata.ResourceVersion,
            Copy(metadata.Labels),
            includeData ? Copy(configMap.Data) : new Dictionary<string, string>(),
            includeData && configMap.BinaryData is { } binary
                ? binary.ToDictionary(pair => pair.Key, pair => pair.Value.ToArray(), StringComparer.Ordinal)
                : new Dictionary<string, byte[]>(),
            metadata.CreationTimestamp is { } created ? new DateTimeOffset(DateTime.SpecifyKind(created, DateTimeKind.Utc)) : null)
        {
            Annotations = Copy(metadata.Annotations),
        };
    }

    private static Dictionary<string, string> Copy(IDictionary<string, string>? source) =>
        source is null ? new Dictionary<string, string>(StringComparer.Ordinal) : new Dictionary<string, string>(source, StringComparer.Ordinal);
}
