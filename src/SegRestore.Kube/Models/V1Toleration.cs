using System.Text.Json.Serialization;

namespace SegRestore.Kube.Models;

/// <summary><c>core/v1 Toleration</c>.</summary>
public sealed class V1Toleration
{
    public string? Key { get; set; }

    /// <summary>Named as in KubernetesClient (<c>operator</c> is a C# keyword).</summary>
    [JsonPropertyName("operator")]
    public string? OperatorProperty { get; set; }

    public string? Value { get; set; }

    public string? Effect { get; set; }

    public long? TolerationSeconds { get; set; }
}
