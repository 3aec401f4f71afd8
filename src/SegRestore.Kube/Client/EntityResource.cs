using System.Reflection;
using k8s.Models;

namespace SegRestore.Kube.Client;

/// <summary>The API resource of an entity type, read once from its official <see cref="KubernetesEntityAttribute"/>.</summary>
public sealed record EntityResource(string Group, string Version, string Kind, string Plural, bool Namespaced)
{
    /// <summary>The built-in kinds that are cluster-scoped; every other built-in kind is namespaced.</summary>
    private static readonly HashSet<string> ClusterScopedBuiltIns =
    [
        "/Namespace", "/Node", "/PersistentVolume", "apiextensions.k8s.io/CustomResourceDefinition",
        "rbac.authorization.k8s.io/ClusterRole", "rbac.authorization.k8s.io/ClusterRoleBinding",
        "storage.k8s.io/StorageClass", "scheduling.k8s.io/PriorityClass",
    ];

    public string ApiVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    /// <summary>The resource of <typeparamref name="TEntity"/>; cached per type.</summary>
    public static EntityResource For<TEntity>() => Cache<TEntity>.Resource;

    public static EntityResource FromType(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        var attribute = type.GetCustomAttribute<KubernetesEntityAttribute>()
            ?? throw new InvalidOperationException(
                $"{type.FullName} has no [KubernetesEntity] attribute; add [KubernetesEntity(Group = ..., " +
                "ApiVersion = ..., Kind = ..., PluralName = ...)] so the client can build its URLs.");
        if (string.IsNullOrEmpty(attribute.ApiVersion) || string.IsNullOrEmpty(attribute.PluralName)
            || string.IsNullOrEmpty(attribute.Kind))
        {
            throw new InvalidOperationException(
                $"{type.FullName}: [KubernetesEntity] needs ApiVersion, Kind and PluralName " +
                $"(got ApiVersion '{attribute.ApiVersion}', Kind '{attribute.Kind}', PluralName '{attribute.PluralName}').");
        }

        var group = attribute.Group ?? "";
        var scope = type.GetCustomAttribute<EntityScopeAttribute>()?.Scope
            ?? (ClusterScopedBuiltIns.Contains($"{group}/{attribute.Kind}") ? EntityScope.Cluster : EntityScope.Namespaced);
        return new EntityResource(group, attribute.ApiVersion, attribute.Kind, attribute.PluralName,
            scope == EntityScope.Namespaced);
    }

    private static class Cache<TEntity>
    {
        public static readonly EntityResource Resource = FromType(typeof(TEntity));
    }
}
