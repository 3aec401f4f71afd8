namespace SegRestore.Kube.Models;

/// <summary>
/// Names the API resource a model maps to (KubernetesClient's <c>k8s.Models.KubernetesEntityAttribute</c>).
/// The client builds URLs from it: <c>/api/v1</c> for the core group (empty <see cref="Group"/>),
/// <c>/apis/{Group}/{ApiVersion}</c> otherwise.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class KubernetesEntityAttribute : Attribute
{
    /// <summary>The API group, empty for the core group ("" for pods, "coordination.k8s.io" for leases).</summary>
    public string Group { get; set; } = "";

    /// <summary>The version within the group, e.g. "v1" or "v1alpha1".</summary>
    public string ApiVersion { get; set; } = "";

    /// <summary>The kind, e.g. "Pod".</summary>
    public string Kind { get; set; } = "";

    /// <summary>The plural resource name used in URLs, e.g. "pods".</summary>
    public string PluralName { get; set; } = "";

    /// <summary>False for cluster-scoped resources (an extension over KubernetesClient, which has no scope here).</summary>
    public bool Namespaced { get; set; } = true;
}
