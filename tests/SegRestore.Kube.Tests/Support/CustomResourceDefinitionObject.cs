using System.Text.Json;
using k8s;
using k8s.Models;
using SegRestore.Kube.Client;

namespace SegRestore.Kube.Tests.Support;

/// <summary>A CRD as raw JSON: the tests register one without the project needing a full CRD model.</summary>
[KubernetesEntity(Group = "apiextensions.k8s.io", ApiVersion = "v1", Kind = "CustomResourceDefinition",
    PluralName = "customresourcedefinitions")]
[EntityScope(EntityScope.Cluster)]
public sealed class CustomResourceDefinitionObject : IKubernetesObject<V1ObjectMeta>
{
    public string ApiVersion { get; set; } = "apiextensions.k8s.io/v1";

    public string Kind { get; set; } = "CustomResourceDefinition";

    public V1ObjectMeta Metadata { get; set; } = new();

    public JsonElement Spec { get; set; }
}
