namespace SegRestore.Kube.Client;

/// <summary>
/// Marks a custom entity cluster-scoped (KubeOps' <c>[EntityScope]</c>). The official
/// <see cref="k8s.Models.KubernetesEntityAttribute"/> has no scope; without this attribute an entity is namespaced.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class EntityScopeAttribute(EntityScope scope) : Attribute
{
    public EntityScope Scope { get; } = scope;
}
