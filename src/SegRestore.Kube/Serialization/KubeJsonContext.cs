using System.Text.Json;
using System.Text.Json.Serialization;
using SegRestore.Kube.Models;

namespace SegRestore.Kube.Serialization;

/// <summary>Source-generated JSON metadata for every built-in kind the project reads and writes.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(TimeJsonConverter)])]
[JsonSerializable(typeof(V1Pod))]
[JsonSerializable(typeof(V1ConfigMap))]
[JsonSerializable(typeof(V1Secret))]
[JsonSerializable(typeof(Corev1Event))]
[JsonSerializable(typeof(V1Lease))]
[JsonSerializable(typeof(V1Namespace))]
[JsonSerializable(typeof(V1PersistentVolumeClaim))]
[JsonSerializable(typeof(V1Status))]
[JsonSerializable(typeof(V1DeleteOptions))]
[JsonSerializable(typeof(KubernetesList<V1Pod>))]
[JsonSerializable(typeof(KubernetesList<V1ConfigMap>))]
[JsonSerializable(typeof(KubernetesList<V1Secret>))]
[JsonSerializable(typeof(KubernetesList<Corev1Event>))]
[JsonSerializable(typeof(KubernetesList<V1Lease>))]
[JsonSerializable(typeof(KubernetesList<V1PersistentVolumeClaim>))]
[JsonSerializable(typeof(V1ObjectMeta))]
[JsonSerializable(typeof(JsonElement))]
public sealed partial class KubeJsonContext : JsonSerializerContext;
