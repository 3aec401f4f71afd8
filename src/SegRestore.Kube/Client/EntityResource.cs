using System.Reflection;
using SegRestore.Kube.Models;

namespace SegRestore.Kube.Client;

/// <summary>The API resource of an entity type, read once from its <see cref="KubernetesEntityAttribute"/>.</summary>
public sealed record EntityResource(string Group, string Version, string Kind, string Plural, bool Namespaced)
{
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

        return new EntityResource(attribute.Group, attribute.ApiVersion, attribute.Kind, attribute.PluralName,
            attribute.Namespaced);
    }

    private static class Cache<TEntity>
    {
        public static readonly EntityResource Resource = FromType(typeof(TEntity));
    }
}
