using System.Text.Json.Serialization;

namespace SegRestore.Api.TidbOperator;

/// <summary>spec.tlsCluster of a TidbCluster (tidb-operator's TLSCluster).</summary>
public sealed class TidbClusterTls
{
    [JsonPropertyName("enabled")]
    public bool Enabled { get; set; }
}
