using System.Text;
using System.Text.Json.Nodes;
using SegRestore.LocalCluster.Semantics;

namespace SegRestore.LocalCluster.Kubelet;

/// <summary>Resolves a container's <c>env</c> and <c>envFrom</c>: literal values with <c>$(VAR)</c> expansion,
/// <c>secretKeyRef</c>, <c>configMapKeyRef</c> and <c>fieldRef</c>. <paramref name="lookup"/> returns a secret or
/// config map of the pod's namespace (kind "Secret"/"ConfigMap", name) or null.</summary>
public sealed class EnvironmentResolver(JsonObject pod, Func<string, string, JsonObject?> lookup)
{
    /// <summary>The variables, or the error a kubelet reports as CreateContainerConfigError.</summary>
    public (Dictionary<string, string> Variables, string? Error) Resolve(JsonObject container)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var source in (container["envFrom"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var prefix = ServerFields.Str(source["prefix"]) ?? "";
            var (kind, reference) = source["secretRef"] is JsonObject s ? ("Secret", s) : ("ConfigMap", source["configMapRef"] as JsonObject);
            var name = ServerFields.Str(reference?["name"]) ?? "";
            if (lookup(kind, name) is not { } obj)
            {
                if (reference?["optional"] is JsonValue optional && optional.GetValue<bool>())
                {
                    continue;
                }

                return (variables, $"{kind.ToLowerInvariant()} \"{name}\" not found");
            }

            foreach (var (key, value) in Data(kind, obj))
            {
                variables[prefix + key] = value;
            }
        }

        foreach (var item in (container["env"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var name = ServerFields.Str(item["name"]) ?? "";
            if (item["valueFrom"] is not JsonObject from)
            {
                variables[name] = Expand(ServerFields.Str(item["value"]) ?? "", variables);
                continue;
            }

            var (value, error) = ValueFrom(from);
            if (error is not null)
            {
                return (variables, error);
            }

            if (value is not null)
            {
                variables[name] = value;
            }
        }

        return (variables, null);
    }

    private (string? Value, string? Error) ValueFrom(JsonObject from)
    {
        if (from["fieldRef"]?["fieldPath"] is { } fieldPath)
        {
            return (Field(fieldPath.ToString()), null);
        }

        var (kind, reference) = from["secretKeyRef"] is JsonObject s ? ("Secret", s) : ("ConfigMap", from["configMapKeyRef"] as JsonObject);
        if (reference is null)
        {
            return (null, "unsupported valueFrom source (only secretKeyRef, configMapKeyRef and fieldRef are emulated)");
        }

        var name = ServerFields.Str(reference["name"]) ?? "";
        var key = ServerFields.Str(reference["key"]) ?? "";
        var optional = reference["optional"] is JsonValue o && o.GetValue<bool>();
        if (lookup(kind, name) is not { } obj)
        {
            return optional ? (null, null) : (null, $"{kind.ToLowerInvariant()} \"{name}\" not found");
        }

        var data = Data(kind, obj);
        return data.TryGetValue(key, out var value)
            ? (value, null)
            : optional ? (null, null) : (null, $"couldn't find key {key} in {kind} {ServerFields.Str(pod["metadata"]?["namespace"])}/{name}");
    }

    private string? Field(string path)
    {
        const string LabelPrefix = "metadata.labels['";
        const string AnnotationPrefix = "metadata.annotations['";
        if (path.StartsWith(LabelPrefix, StringComparison.Ordinal))
        {
            return ServerFields.Str(pod["metadata"]?["labels"]?[path[LabelPrefix.Length..^2]]);
        }

        if (path.StartsWith(AnnotationPrefix, StringComparison.Ordinal))
        {
            return ServerFields.Str(pod["metadata"]?["annotations"]?[path[AnnotationPrefix.Length..^2]]);
        }

        return path switch
        {
            "metadata.name" => ServerFields.Str(pod["metadata"]?["name"]),
            "metadata.namespace" => ServerFields.Str(pod["metadata"]?["namespace"]),
            "metadata.uid" => ServerFields.Str(pod["metadata"]?["uid"]),
            "spec.nodeName" => ServerFields.Str(pod["spec"]?["nodeName"]),
            "spec.serviceAccountName" => ServerFields.Str(pod["spec"]?["serviceAccountName"]) ?? "default",
            "status.podIP" or "status.hostIP" => "127.0.0.1",
            _ => null,
        };
    }

    private static Dictionary<string, string> Data(string kind, JsonObject obj)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in obj["data"] as JsonObject ?? [])
        {
            var text = value?.ToString() ?? "";
            result[key] = kind == "Secret" ? Encoding.UTF8.GetString(Convert.FromBase64String(text)) : text;
        }

        return result;
    }

    /// <summary><c>$(NAME)</c> expands to an earlier variable; <c>$$</c> escapes.</summary>
    private static string Expand(string value, Dictionary<string, string> variables)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '$' && i + 1 < value.Length && value[i + 1] == '$')
            {
                builder.Append('$');
                i++;
            }
            else if (value[i] == '$' && i + 1 < value.Length && value[i + 1] == '(' && value.IndexOf(')', i) is var end and > 0
                && variables.TryGetValue(value[(i + 2)..end], out var replacement))
            {
                builder.Append(replacement);
                i = end;
            }
            else
            {
                builder.Append(value[i]);
            }
        }

        return builder.ToString();
    }
}
