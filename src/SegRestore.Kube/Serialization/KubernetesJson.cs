using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace SegRestore.Kube.Serialization;

/// <summary>
/// The serializer options the client uses (KubernetesClient's <c>KubernetesJson</c>): Kubernetes' camelCase names,
/// nulls omitted, second-precision times. Built-in kinds come from <see cref="KubeJsonContext"/>; a project's custom
/// entity adds its own source-generated context through <see cref="Create"/>, and anything still unknown falls back
/// to reflection so that an entity without a context keeps working.
/// </summary>
public static class KubernetesJson
{
    /// <summary>Options that know the built-in kinds (and, by reflection, any other type).</summary>
    public static JsonSerializerOptions Default { get; } = Create();

    public static JsonSerializerOptions Create(params IJsonTypeInfoResolver[] entityResolvers)
    {
        ArgumentNullException.ThrowIfNull(entityResolvers);
        var resolvers = new List<IJsonTypeInfoResolver> { KubeJsonContext.Default };
        resolvers.AddRange(entityResolvers);
        resolvers.Add(new DefaultJsonTypeInfoResolver());
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            TypeInfoResolver = JsonTypeInfoResolver.Combine([.. resolvers]),
        };
        options.Converters.Add(new TimeJsonConverter());
        options.MakeReadOnly();
        return options;
    }
}
