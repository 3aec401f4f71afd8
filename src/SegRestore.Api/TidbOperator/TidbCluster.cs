using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace SegRestore.Api.TidbOperator;

/// <summary>
/// The part of tidb-operator's v1 <c>TidbCluster</c> (pingcap.com/v1alpha1, tidbclusters) the operator reads: only
/// whether cluster TLS is on. Everything else stays tidb-operator's; the operator never writes a TidbCluster.
/// </summary>
[KubernetesEntity(Group = Group, ApiVersion = Version, Kind = KindName, PluralName = Plural)]
public sealed class TidbCluster : IKubernetesObject<V1ObjectMeta>
{
    public const string Group = "pingcap.com";
    public const string Version = "v1alpha1";
    public const string KindName = "TidbCluster";
    public const string Plural = "tidbclusters";

    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = Group + "/" + Version;

    [JsonPropertyName("kind")]
    public string Kind { get; set; } = KindName;

    [JsonPropertyName("metadata")]
    public V1ObjectMeta Metadata { get; set; } = new();

    [JsonPropertyName("spec")]
    public TidbClusterSpec? Spec { get; set; }
}
