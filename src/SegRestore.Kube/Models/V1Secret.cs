namespace SegRestore.Kube.Models;

/// <summary><c>core/v1 Secret</c>: <see cref="Data"/> is base64 on the wire; <see cref="StringData"/> is write-only plain text.</summary>
[KubernetesEntity(Group = "", ApiVersion = "v1", Kind = "Secret", PluralName = "secrets")]
public sealed class V1Secret : IKubernetesObject<V1ObjectMeta>
{
    public const string KubeGroup = "";

    public const string KubeApiVersion = "v1";

    public const string KubeKind = "Secret";

    public const string KubePluralName = "secrets";

    public string ApiVersion { get; set; } = "v1";

    public string Kind { get; set; } = KubeKind;

    public V1ObjectMeta Metadata { get; set; } = new();

    public IDictionary<string, byte[]>? Data { get; set; }

    public IDictionary<string, string>? StringData { get; set; }

    public string? Type { get; set; }

    public bool? Immutable { get; set; }
}
