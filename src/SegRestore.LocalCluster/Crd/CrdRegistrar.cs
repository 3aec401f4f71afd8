using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using SegRestore.LocalCluster.Api;
using SegRestore.LocalCluster.Resources;
using SegRestore.LocalCluster.Semantics;

namespace SegRestore.LocalCluster.Crd;

/// <summary>Turns CustomResourceDefinitions into served resources: validates a CRD, maintains its status the way
/// the apiextensions controllers do (NamesAccepted, Established, acceptedNames, storedVersions) and registers or
/// replaces its versions in the registry.</summary>
public sealed class CrdRegistrar(ResourceRegistry registry, TimeProvider time, ILogger<CrdRegistrar> logger)
{
    public const string CleanupFinalizer = "customresourcecleanup.apiextensions.k8s.io";

    /// <summary>Validates the CRD and writes its status; returns the field errors (none when valid).</summary>
    public IReadOnlyList<FieldError> Admit(JsonObject crd, bool creating)
    {
        var errors = new List<FieldError>();
        var spec = crd["spec"] as JsonObject;
        var group = ServerFields.Str(spec?["group"]) ?? "";
        var plural = ServerFields.Str(spec?["names"]?["plural"]) ?? "";
        var kind = ServerFields.Str(spec?["names"]?["kind"]) ?? "";
        Require(errors, group, "spec.group");
        Require(errors, plural, "spec.names.plural");
        Require(errors, kind, "spec.names.kind");
        var scope = ServerFields.Str(spec?["scope"]);
        if (scope is not ("Namespaced" or "Cluster"))
        {
            errors.Add(new FieldError("FieldValueNotSupported", "spec.scope",
                $"Unsupported value: \"{scope}\": supported values: \"Cluster\", \"Namespaced\""));
        }

        var name = ServerFields.Str(crd["metadata"]?["name"]) ?? "";
        if (plural.Length > 0 && group.Length > 0 && name != $"{plural}.{group}")
        {
            errors.Add(new FieldError("FieldValueInvalid", "metadata.name",
                $"Invalid value: \"{name}\": must be spec.names.plural+\".\"+spec.group"));
        }

        var versions = (spec?["versions"] as JsonArray)?.OfType<JsonObject>().ToList() ?? [];
        if (versions.Count == 0)
        {
            errors.Add(new FieldError("FieldValueRequired", "spec.versions", "Required value: must have exactly one version marked as storage version"));
        }
        else if (versions.Count(v => v["storage"] is JsonValue s && s.GetValue<bool>()) != 1)
        {
            errors.Add(new FieldError("FieldValueInvalid", "spec.versions",
                "Invalid value: must have exactly one version marked as storage version"));
        }

        for (var i = 0; i < versions.Count; i++)
        {
            if (versions[i]["schema"]?["openAPIV3Schema"] is not JsonObject)
            {
                errors.Add(new FieldError("FieldValueRequired", $"spec.versions[{i}].schema.openAPIV3Schema", "Required value: schemas are required"));
            }
        }

        if (errors.Count == 0)
        {
            if (creating && crd["metadata"]?["deletionTimestamp"] is null)
            {
                var finalizers = ServerFields.Finalizers(crd);
                if (!finalizers.Contains(CleanupFinalizer))
                {
                    ServerFields.SetFinalizers(crd, [.. finalizers, CleanupFinalizer]);
                }
            }

            crd["status"] = Status(crd, Definitions(crd, out var unsupported), unsupported);
        }

        return errors;
    }

    /// <summary>Serves the CRD's versions from now on.</summary>
    public void Register(JsonObject crd)
    {
        var name = ServerFields.Str(crd["metadata"]?["name"]) ?? "";
        var definitions = Definitions(crd, out var unsupported);
        foreach (var rule in unsupported)
        {
            logger.LogWarning("CRD {Crd}: validation rule not enforced by LocalCluster: {Rule}", name, rule);
        }

        registry.SetCustom(name, definitions);
    }

    public static IReadOnlyList<ResourceDefinition> Definitions(JsonObject crd, out List<string> unsupportedRules)
    {
        unsupportedRules = [];
        var spec = (JsonObject)crd["spec"]!;
        var names = spec["names"] as JsonObject ?? [];
        var kind = ServerFields.Str(names["kind"]) ?? "";
        var definitions = new List<ResourceDefinition>();
        foreach (var version in (spec["versions"] as JsonArray ?? []).OfType<JsonObject>())
        {
            if (version["served"] is JsonValue served && !served.GetValue<bool>())
            {
                continue;
            }

            var schema = version["schema"]?["openAPIV3Schema"] as JsonObject;
            var (immutable, unsupported) = ValidationRuleScanner.Scan(schema);
            foreach (var rule in unsupported)
            {
                if (!unsupportedRules.Contains(rule))
                {
                    unsupportedRules.Add(rule);
                }
            }

            definitions.Add(new ResourceDefinition
            {
                Group = ServerFields.Str(spec["group"]) ?? "",
                Version = ServerFields.Str(version["name"]) ?? "",
                Plural = ServerFields.Str(names["plural"]) ?? "",
                Singular = ServerFields.Str(names["singular"]) ?? kind.ToLowerInvariant(),
                Kind = kind,
                ShortNames = Strings(names["shortNames"]),
                Categories = Strings(names["categories"]),
                Namespaced = ServerFields.Str(spec["scope"]) != "Cluster",
                HasStatus = version["subresources"]?["status"] is JsonObject,
                Custom = true,
                TracksGeneration = true,
                ReturnsDeletedObject = true,
                Schema = schema,
                ImmutableSpec = immutable,
                PrinterColumns = Columns(version["additionalPrinterColumns"] as JsonArray),
            });
        }

        return definitions;
    }

    private JsonObject Status(JsonObject crd, IReadOnlyList<ResourceDefinition> definitions, List<string> unsupported)
    {
        var names = (JsonObject)crd["spec"]!["names"]!.DeepClone();
        names["singular"] ??= ServerFields.Str(names["kind"])?.ToLowerInvariant();
        names["listKind"] ??= ServerFields.Str(names["kind"]) + "List";
        var previous = crd["status"]?["conditions"] as JsonArray;
        var conditions = new JsonArray
        {
            Condition(previous, "NamesAccepted", "True", "NoConflicts", "no conflicts found"),
            Condition(previous, "Established", "True", "InitialNamesAccepted", "the initial names have been accepted"),
        };
        if (unsupported.Count > 0)
        {
            conditions.Add(Condition(previous, "UnsupportedValidationRules", "True", "NotEnforcedByLocalCluster",
                "LocalCluster does not evaluate these x-kubernetes-validations rules: " + string.Join("; ", unsupported)));
        }

        var stored = definitions.Count > 0 ? definitions[0].Version : null;
        var storage = (crd["spec"]!["versions"] as JsonArray)?.OfType<JsonObject>()
            .FirstOrDefault(v => v["storage"] is JsonValue s && s.GetValue<bool>());
        return new JsonObject
        {
            ["acceptedNames"] = names,
            ["conditions"] = conditions,
            ["storedVersions"] = new JsonArray(ServerFields.Str(storage?["name"]) ?? stored),
        };
    }

    private JsonObject Condition(JsonArray? previous, string type, string status, string reason, string message)
    {
        var old = previous?.OfType<JsonObject>().FirstOrDefault(c => ServerFields.Str(c["type"]) == type);
        var since = old is not null && ServerFields.Str(old["status"]) == status
            ? ServerFields.Str(old["lastTransitionTime"])
            : ServerFields.Timestamp(time.GetUtcNow());
        return new JsonObject
        {
            ["type"] = type,
            ["status"] = status,
            ["lastTransitionTime"] = since,
            ["reason"] = reason,
            ["message"] = message,
        };
    }

    private static IReadOnlyList<PrinterColumn> Columns(JsonArray? columns)
    {
        if (columns is null || columns.Count == 0)
        {
            return [BuiltInResources.Age];
        }

        return [.. columns.OfType<JsonObject>().Select(c => new PrinterColumn(
            ServerFields.Str(c["name"]) ?? "",
            ServerFields.Str(c["type"]) ?? "string",
            ServerFields.Str(c["jsonPath"]) ?? "",
            ServerFields.Str(c["description"]) ?? "",
            c["priority"] is JsonValue p ? p.GetValue<int>() : 0))];
    }

    private static List<string> Strings(JsonNode? node) =>
        (node as JsonArray)?.Select(ServerFields.Str).OfType<string>().ToList() ?? [];

    private static void Require(List<FieldError> errors, string value, string field)
    {
        if (value.Length == 0)
        {
            errors.Add(new FieldError("FieldValueRequired", field, "Required value"));
        }
    }
}
