using System.Text.Json.Serialization;

namespace SegRestore.Kube.Models;

/// <summary><c>metav1.ListMeta</c>.</summary>
public sealed class V1ListMeta
{
    public string? ResourceVersion { get; set; }

    /// <summary>Named as in KubernetesClient (<c>continue</c> is a C# keyword).</summary>
    [JsonPropertyName("continue")]
    public string? ContinueProperty { get; set; }

    public long? RemainingItemCount { get; set; }
}
