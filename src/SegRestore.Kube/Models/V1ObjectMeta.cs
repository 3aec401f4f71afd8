using System.Text.Json.Serialization;

namespace SegRestore.Kube.Models;

/// <summary><c>metav1.ObjectMeta</c>: the fields this project reads and writes.</summary>
public sealed class V1ObjectMeta
{
    public string? Name { get; set; }

    public string? GenerateName { get; set; }

    /// <summary>The namespace (named as in KubernetesClient, where <c>Namespace</c> would clash with a method).</summary>
    [JsonPropertyName("namespace")]
    public string? NamespaceProperty { get; set; }

    public string? Uid { get; set; }

    public string? ResourceVersion { get; set; }

    public long? Generation { get; set; }

    public DateTime? CreationTimestamp { get; set; }

    public DateTime? DeletionTimestamp { get; set; }

    public long? DeletionGracePeriodSeconds { get; set; }

    public IDictionary<string, string>? Labels { get; set; }

    public IDictionary<string, string>? Annotations { get; set; }

    public IList<string>? Finalizers { get; set; }

    public IList<V1OwnerReference>? OwnerReferences { get; set; }
}
