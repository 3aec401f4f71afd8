using System.Text.Json.Serialization;

namespace SegRestore.Kube.Models;

/// <summary><c>core/v1 PersistentVolumeClaimVolumeSource</c>.</summary>
public sealed class V1PersistentVolumeClaimVolumeSource
{
    public string ClaimName { get; set; } = "";

    [JsonPropertyName("readOnly")]
    public bool? ReadOnlyProperty { get; set; }
}
