namespace SegRestore.Kube.Models;

/// <summary><c>core/v1 ConfigMap</c>: text in <see cref="Data"/>, bytes in <see cref="BinaryData"/> (base64 on the wire).</summary>
[KubernetesEntity(Group = "", ApiVersion = "v1", Kind = "ConfigMap", PluralName = "configmaps")]
public sealed class V1ConfigMap : IKubernetesObject<V1ObjectMeta>
{
    public const string KubeGroup = "";

    public const string KubeApiVersion = "v1";

    public const string KubeKind = "ConfigMap";

    public const string KubePluralName = "configmaps";

    public string ApiVersion { get; set; } = "v1";

    public string Kind { get; set; } = KubeKind;

    public V1ObjectMeta Metadata { get; set; } = new();

    public IDictionary<string, string>? Data { get; set; }

    public IDictionary<string, byte[]>? BinaryData { get; set; }

    public bool? Immutable { get; set; }
}
