using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SegRestore.LocalCluster.Api;

namespace SegRestore.LocalCluster.Semantics;

/// <summary>The API server's validation of the Pod fields the operator sets (pure), with its field paths and
/// messages: DNS-1123 container and volume names, unique across init and regular containers, volume mounts that
/// name a declared volume, environment variable names, resource quantities, restart policy and tolerations. The
/// required container name and image are checked while defaulting (<see cref="BuiltInDefaults"/>).</summary>
public static partial class PodRules
{
    private static readonly string[] RestartPolicies = ["Always", "OnFailure", "Never"];
    private static readonly string[] TolerationOperators = ["Equal", "Exists"];
    private static readonly string[] TaintEffects = ["NoSchedule", "PreferNoSchedule", "NoExecute"];

    public static IReadOnlyList<FieldError> Validate(JsonObject pod)
    {
        var errors = new List<FieldError>();
        if (pod["spec"] is not JsonObject spec)
        {
            return errors;
        }

        var volumes = ValidateVolumes(spec["volumes"] as JsonArray, errors);
        var containerNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var list in new[] { "initContainers", "containers" })
        {
            var containers = Objects(spec[list]);
            for (var i = 0; i < containers.Count; i++)
            {
                ValidateContainer(containers[i], $"spec.{list}[{i}]", volumes, containerNames, errors);
            }
        }

        OneOf(errors, "spec.restartPolicy", ServerFields.Str(spec["restartPolicy"]), RestartPolicies);
        var tolerations = Objects(spec["tolerations"]);
        for (var i = 0; i < tolerations.Count; i++)
        {
            OneOf(errors, $"spec.tolerations[{i}].operator", ServerFields.Str(tolerations[i]["operator"]), TolerationOperators);
            OneOf(errors, $"spec.tolerations[{i}].effect", ServerFields.Str(tolerations[i]["effect"]), TaintEffects);
        }

        return errors;
    }

    private static HashSet<string> ValidateVolumes(JsonArray? volumes, List<FieldError> errors)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var list = Objects(volumes);
        for (var i = 0; i < list.Count; i++)
        {
            var field = $"spec.volumes[{i}].name";
            if (ServerFields.Str(list[i]["name"]) is not { Length: > 0 } name)
            {
                errors.Add(new FieldError("FieldValueRequired", field, "Required value"));
                continue;
            }

            AddIfAny(errors, NameRules.ValidateLabel(name, field));
            if (!names.Add(name))
            {
                errors.Add(new FieldError("FieldValueDuplicate", field, $"Duplicate value: \"{name}\""));
            }
        }

        return names;
    }

    private static void ValidateContainer(JsonObject container, string path, HashSet<string> volumes, HashSet<string> names, List<FieldError> errors)
    {
        if (ServerFields.Str(container["name"]) is { Length: > 0 } name)
        {
            AddIfAny(errors, NameRules.ValidateLabel(name, $"{path}.name"));
            if (!names.Add(name))
            {
                errors.Add(new FieldError("FieldValueDuplicate", $"{path}.name", $"Duplicate value: \"{name}\""));
            }
        }

        var env = Objects(container["env"]);
        for (var i = 0; i < env.Count; i++)
        {
            var field = $"{path}.env[{i}].name";
            var envName = ServerFields.Str(env[i]["name"]) ?? "";
            if (envName.Length == 0)
            {
                errors.Add(new FieldError("FieldValueRequired", field, "Required value"));
            }
            else if (!EnvName().IsMatch(envName))
            {
                errors.Add(new FieldError("FieldValueInvalid", field,
                    $"Invalid value: \"{envName}\": a valid environment variable name must consist of alphabetic characters, "
                    + "digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or "
                    + "'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')"));
            }
        }

        var mounts = Objects(container["volumeMounts"]);
        for (var i = 0; i < mounts.Count; i++)
        {
            var mountName = ServerFields.Str(mounts[i]["name"]) ?? "";
            if (mountName.Length == 0)
            {
                errors.Add(new FieldError("FieldValueRequired", $"{path}.volumeMounts[{i}].name", "Required value"));
            }
            else if (!volumes.Contains(mountName))
            {
                errors.Add(new FieldError("FieldValueNotFound", $"{path}.volumeMounts[{i}].name", $"Not found: \"{mountName}\""));
            }

            if (string.IsNullOrEmpty(ServerFields.Str(mounts[i]["mountPath"])))
            {
                errors.Add(new FieldError("FieldValueRequired", $"{path}.volumeMounts[{i}].mountPath", "Required value"));
            }
        }

        ValidateResources(container["resources"] as JsonObject, $"{path}.resources", errors);
    }

    private static void ValidateResources(JsonObject? resources, string path, List<FieldError> errors)
    {
        var limits = Quantities(resources?["limits"], $"{path}.limits", errors);
        var requests = Quantities(resources?["requests"], $"{path}.requests", errors);
        foreach (var (resource, (text, value)) in requests)
        {
            if (limits.TryGetValue(resource, out var limit) && value > limit.Value)
            {
                errors.Add(new FieldError("FieldValueInvalid", $"{path}.requests[{resource}]",
                    $"Invalid value: \"{text}\": must be less than or equal to {resource} limit of {limit.Text}"));
            }
        }
    }

    private static Dictionary<string, (string Text, double Value)> Quantities(JsonNode? node, string path, List<FieldError> errors)
    {
        var parsed = new Dictionary<string, (string, double)>(StringComparer.Ordinal);
        foreach (var (resource, quantity) in node as JsonObject ?? [])
        {
            var text = quantity is JsonValue v && v.TryGetValue<string>(out var s) ? s : quantity?.ToJsonString() ?? "";
            if (!StorageQuantity.TryParse(text, out var value))
            {
                errors.Add(new FieldError("FieldValueInvalid", $"{path}[{resource}]",
                    $"Invalid value: \"{text}\": quantities must match the regular expression '{StorageQuantity.Pattern}'"));
            }
            else if (value < 0)
            {
                errors.Add(new FieldError("FieldValueInvalid", $"{path}[{resource}]",
                    $"Invalid value: \"{text}\": must be greater than or equal to 0"));
            }
            else
            {
                parsed[resource] = (text, value);
            }
        }

        return parsed;
    }

    private static void OneOf(List<FieldError> errors, string field, string? value, string[] supported)
    {
        if (!string.IsNullOrEmpty(value) && !supported.Contains(value, StringComparer.Ordinal))
        {
            errors.Add(new FieldError("FieldValueNotSupported", field,
                $"Unsupported value: \"{value}\": supported values: {string.Join(", ", supported.Select(s => $"\"{s}\""))}"));
        }
    }

    private static List<JsonObject> Objects(JsonNode? node) => (node as JsonArray)?.OfType<JsonObject>().ToList() ?? [];

    private static void AddIfAny(List<FieldError> errors, FieldError? error)
    {
        if (error is not null)
        {
            errors.Add(error);
        }
    }

    [GeneratedRegex("^[-._a-zA-Z][-._a-zA-Z0-9]*$", RegexOptions.CultureInvariant)]
    private static partial Regex EnvName();
}
