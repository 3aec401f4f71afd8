using System.Text.Json.Serialization;

namespace SegRestore.Kube.Models;

/// <summary><c>core/v1 VolumeMount</c>.</summary>
public sealed class V1VolumeMount
{
    public string Name { get; set; } = "";

    public string MountPath { get; set; } = "";

    public string? SubPath { get; set; }

    /// <summary>Named as in KubernetesClient, where <c>ReadOnly</c> is avoided.</summary>
    [JsonPropertyName("readOnly")]
    public bool? ReadOnlyProperty { get; set; }
}
