using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using k8s;

namespace SegRestore.Kube.Client;

/// <summary>
/// How the client turns entities into JSON and back. A project's own types go through its source-generated contexts
/// (with the options each context declares); every other type, the official models included, through the official
/// <see cref="KubernetesJson"/>. The official client sends and receives <see cref="JsonElement"/> trees, so bytes on
/// the wire are what the chosen serializer wrote.
/// </summary>
public sealed class EntityJson
{
    private readonly JsonSerializerOptions[] _options;

    /// <summary>
    /// <paramref name="resolvers"/> are usually source-generated contexts, each used with the options it declares;
    /// any other resolver gets Kubernetes' conventions (camelCase, nulls omitted).
    /// </summary>
    public EntityJson(params IJsonTypeInfoResolver[] resolvers)
    {
        ArgumentNullException.ThrowIfNull(resolvers);
        _options = [.. resolvers.Select(resolver => resolver is JsonSerializerContext context
            ? context.Options
            : new JsonSerializerOptions
            {
                PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
                DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
                TypeInfoResolver = resolver,
            })];
    }

    /// <summary>Only the official models (and reflection for anything else), as the official client has them.</summary>
    public static EntityJson BuiltIn { get; } = new();

    /// <summary>The body the official client is handed: a tree for the project's own types, the object otherwise.</summary>
    public object ToBody<T>(T value) where T : class =>
        OwnTypeInfo<T>() is { } info ? JsonSerializer.SerializeToElement(value, info) : value;

    /// <summary>A type from a tree the official client returned.</summary>
    public T? FromElement<T>(JsonElement element) =>
        OwnTypeInfo<T>() is { } info ? element.Deserialize(info) : KubernetesJson.Deserialize<T>(element);

    /// <summary>A type from the untyped body the official client returned (a <see cref="JsonElement"/>).</summary>
    public T FromBody<T>(object? body, string request) => body switch
    {
        JsonElement element when element.ValueKind != JsonValueKind.Null =>
            FromElement<T>(element) ?? throw new KubernetesApiException($"{request}: the server answered with null"),
        _ => throw new KubernetesApiException($"{request}: the server answered with an empty body"),
    };

    private JsonTypeInfo<T>? OwnTypeInfo<T>()
    {
        foreach (var options in _options)
        {
            if (options.TryGetTypeInfo(typeof(T), out var info) && info is JsonTypeInfo<T> typed)
            {
                return typed;
            }
        }

        return null;
    }
}
