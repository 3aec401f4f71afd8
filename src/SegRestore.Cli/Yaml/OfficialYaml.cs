using System.Collections.Frozen;
using System.Reflection;
using System.Text.Json.Nodes;
using k8s;
using k8s.Models;

namespace SegRestore.Cli.Yaml;

/// <summary>
/// Kubernetes objects written as YAML through the official <see cref="KubernetesYaml"/>. Each document first becomes
/// its official model (<c>k8s.Models</c>, found by apiVersion and kind), and a field the model does not keep (a typo
/// or a field of another kind in a hand-built manifest) fails the write naming the object and the field, instead of
/// shipping YAML the API server would drop. The project's own kinds (PointRestoreSegment, whose timestamps and
/// quantities have their own JSON converters) and bare fragments stay on <see cref="YamlJson"/>.
/// </summary>
public static class OfficialYaml
{
    private static readonly FrozenDictionary<string, Type> Models = typeof(V1Pod).Assembly.GetExportedTypes()
        .Select(type => (Type: type, Entity: type.GetCustomAttribute<KubernetesEntityAttribute>()))
        .Where(pair => pair.Entity is { Kind.Length: > 0 } && !string.IsNullOrEmpty(pair.Entity.ApiVersion)
            && typeof(IKubernetesObject).IsAssignableFrom(pair.Type))
        .GroupBy(pair => Key(ApiVersionOf(pair.Entity!), pair.Entity!.Kind), StringComparer.Ordinal)
        .ToFrozenDictionary(group => group.Key, group => group.First().Type, StringComparer.Ordinal);

    private static readonly MethodInfo Deserialize = typeof(KubernetesJson).GetMethod(
        nameof(KubernetesJson.Deserialize), [typeof(string), typeof(System.Text.Json.JsonSerializerOptions)])!;

    /// <summary>The official model of an apiVersion and kind, or null when the official client has none.</summary>
    public static Type? ModelOf(string apiVersion, string kind) => Models.GetValueOrDefault(Key(apiVersion, kind));

    /// <summary>Documents separated by <c>---</c>, as <c>kubectl</c> writes them.</summary>
    public static string Serialize(IEnumerable<JsonObject> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        return KubernetesYaml.SerializeAll(documents.Select(ToModel));
    }

    private static object ToModel(JsonObject document)
    {
        var apiVersion = document["apiVersion"]?.ToString() ?? "";
        var kind = document["kind"]?.ToString() ?? "";
        var label = $"{kind}/{document["metadata"]?["name"]}";
        var type = ModelOf(apiVersion, kind)
            ?? throw new InvalidOperationException($"{label}: the official client has no model for apiVersion '{apiVersion}' kind '{kind}'.");
        var model = Deserialize.MakeGenericMethod(type).Invoke(null, [document.ToJsonString(), null])!;
        var kept = JsonNode.Parse(KubernetesJson.Serialize(model))!;
        if (FirstLost(document, kept, "") is { } lost)
        {
            throw new InvalidOperationException(
                $"{label}: {lost} is not a field of {apiVersion} {kind} (the official model drops it); correct the manifest.");
        }

        return model;
    }

    /// <summary>The path of the first value of <paramref name="original"/> that <paramref name="kept"/> lacks or changed.</summary>
    private static string? FirstLost(JsonNode? original, JsonNode? kept, string path)
    {
        switch (original)
        {
            case JsonObject map:
                foreach (var (name, value) in map)
                {
                    if (FirstLost(value, (kept as JsonObject)?[name], $"{path}.{name}") is { } lost)
                    {
                        return lost;
                    }
                }

                return null;
            case JsonArray list:
                for (var index = 0; index < list.Count; index++)
                {
                    var other = kept is JsonArray keptList && index < keptList.Count ? keptList[index] : null;
                    if (FirstLost(list[index], other, $"{path}[{index}]") is { } lost)
                    {
                        return lost;
                    }
                }

                return null;
            default:
                return JsonNode.DeepEquals(original, kept) ? null : path.TrimStart('.');
        }
    }

    private static string ApiVersionOf(KubernetesEntityAttribute entity) =>
        string.IsNullOrEmpty(entity.Group) ? entity.ApiVersion : $"{entity.Group}/{entity.ApiVersion}";

    private static string Key(string apiVersion, string kind) => apiVersion + "/" + kind;
}
