using System.Text.Json.Nodes;
using SegRestore.LocalCluster.Api;

namespace SegRestore.LocalCluster.Semantics;

/// <summary>What the API server does to a PersistentVolumeClaim on create and update: defaults (volumeMode,
/// status.phase Pending), the spec validation clients meet (access modes, storage request, volume mode), the
/// pvc-protection admission plugin's finalizer, and spec immutability.</summary>
public static class ClaimRules
{
    public const string ProtectionFinalizer = "kubernetes.io/pvc-protection";

    public static readonly IReadOnlyList<string> AccessModes = ["ReadOnlyMany", "ReadWriteMany", "ReadWriteOnce", "ReadWriteOncePod"];

    public static readonly IReadOnlyList<string> VolumeModes = ["Block", "Filesystem"];

    /// <summary>Defaults and validates <paramref name="claim"/>; <paramref name="previous"/> is null on create.</summary>
    public static IReadOnlyList<FieldError> Admit(JsonObject claim, JsonObject? previous)
    {
        if (claim["spec"] is not JsonObject spec)
        {
            return [new FieldError("FieldValueRequired", "spec", "Required value")];
        }

        spec["volumeMode"] ??= "Filesystem";
        if (previous is null)
        {
            // The server owns the status; a new claim waits for its binder.
            claim["status"] = new JsonObject { ["phase"] = "Pending" };
            AddProtectionFinalizer(claim);
        }

        var errors = ValidateSpec(spec);
        if (previous is not null && CheckImmutable(previous, claim) is { } immutable)
        {
            errors.Add(immutable);
        }

        return errors;
    }

    public static List<FieldError> ValidateSpec(JsonObject spec)
    {
        var errors = new List<FieldError>();
        var modes = (spec["accessModes"] as JsonArray ?? []).Select(m => ServerFields.Str(m) ?? "").ToList();
        if (modes.Count == 0)
        {
            errors.Add(new FieldError("FieldValueRequired", "spec.accessModes", "Required value: at least 1 access mode is required"));
        }

        foreach (var mode in modes.Where(m => !AccessModes.Contains(m)))
        {
            errors.Add(NotSupported("spec.accessModes", mode, AccessModes));
        }

        if (modes.Contains("ReadWriteOncePod") && modes.Count > 1)
        {
            errors.Add(new FieldError("FieldValueForbidden", "spec.accessModes", "Forbidden: may not use ReadWriteOncePod with other access modes"));
        }

        const string storageField = "spec.resources[storage]";
        if (spec["resources"]?["requests"]?["storage"] is not { } storage)
        {
            errors.Add(new FieldError("FieldValueRequired", storageField, "Required value"));
        }
        else if (!StorageQuantity.TryParse(storage.ToString(), out var bytes))
        {
            errors.Add(new FieldError("FieldValueInvalid", storageField,
                $"Invalid value: \"{storage}\": quantities must match the regular expression '{StorageQuantity.Pattern}'"));
        }
        else if (bytes <= 0)
        {
            errors.Add(new FieldError("FieldValueInvalid", storageField, $"Invalid value: \"{storage}\": must be greater than zero"));
        }

        if (ServerFields.Str(spec["volumeMode"]) is { } volumeMode && !VolumeModes.Contains(volumeMode))
        {
            errors.Add(NotSupported("spec.volumeMode", volumeMode, VolumeModes));
        }

        return errors;
    }

    /// <summary>The spec may not change after creation, except that the binder may fill an empty volumeName and a
    /// bound claim's storage request may change (expansion).</summary>
    public static FieldError? CheckImmutable(JsonObject previous, JsonObject candidate)
    {
        var before = previous["spec"]?.DeepClone() as JsonObject ?? [];
        var after = candidate["spec"]?.DeepClone() as JsonObject ?? [];
        if (string.IsNullOrEmpty(ServerFields.Str(before["volumeName"])))
        {
            before.Remove("volumeName");
            after.Remove("volumeName");
        }

        if (ServerFields.Str(previous["status"]?["phase"]) == "Bound")
        {
            (before["resources"]?["requests"] as JsonObject)?.Remove("storage");
            (after["resources"]?["requests"] as JsonObject)?.Remove("storage");
        }

        before.Remove("volumeAttributesClassName");
        after.Remove("volumeAttributesClassName");
        return JsonNode.DeepEquals(before, after)
            ? null
            : new FieldError("FieldValueForbidden", "spec",
                "Forbidden: spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims");
    }

    private static void AddProtectionFinalizer(JsonObject claim)
    {
        var metadata = ServerFields.Metadata(claim);
        var finalizers = metadata["finalizers"] as JsonArray ?? [];
        if (!finalizers.Any(f => ServerFields.Str(f) == ProtectionFinalizer))
        {
            finalizers.Add(ProtectionFinalizer);
        }

        metadata["finalizers"] = finalizers;
    }

    private static FieldError NotSupported(string field, string value, IReadOnlyList<string> supported) =>
        new("FieldValueNotSupported", field,
            $"Unsupported value: \"{value}\": supported values: {string.Join(", ", supported.Select(s => $"\"{s}\""))}");
}
