using System.Text.Json.Serialization;

namespace SegRestore.Api.TidbOperator;

/// <summary>spec of a TidbCluster, as far as the operator reads it.</summary>
public sealed class TidbClusterSpec
{
    /// <summary>spec.tlsCluster: mutual TLS between the cluster's components (and for BR, with the client Secret).</summary>
    [JsonPropertyName("tlsCluster")]
    public TidbClusterTls? TlsCluster { get; set; }
}
