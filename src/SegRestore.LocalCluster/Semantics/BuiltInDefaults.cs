using System.Text;
using System.Text.Json.Nodes;
using SegRestore.LocalCluster.Api;
using SegRestore.LocalCluster.Resources;

namespace SegRestore.LocalCluster.Semantics;

/// <summary>The defaulting and the few validations of built-in kinds that clients observe.</summary>
public static class BuiltInDefaults
{
    /// <summary>Applies defaults on create and update; returns field errors for invalid input.</summary>
    public static IReadOnlyList<FieldError> Apply(ResourceDefinition resource, JsonObject obj, bool creating)
    {
        var errors = new List<FieldError>();
        if (resource.Custom)
        {
            return errors;
        }

        switch (resource.Plural)
        {
            case "pods":
                DefaultPod(obj, creating, errors);
                break;
            case "secrets":
                DefaultSecret(obj);
                break;
            case "namespaces":
                obj["spec"] ??= new JsonObject { ["finalizers"] = new JsonArray("kubernetes") };
                if (creating)
                {
                    obj["status"] = new JsonObject { ["phase"] = "Active" };
                }

                break;
            case "services":
                var spec = obj["spec"] as JsonObject ?? [];
                obj["spec"] = spec;
                spec["type"] ??= "ClusterIP";
                spec["sessionAffinity"] ??= "None";
                spec["clusterIP"] ??= $"10.96.{Random.Shared.Next(1, 255)}.{Random.Shared.Next(1, 255)}";
                break;
            default:
                break;
        }

        return errors;
    }

    private static void DefaultPod(JsonObject pod, bool creating, List<FieldError> errors)
    {
        if (pod["spec"] is not JsonObject spec)
        {
            errors.Add(new FieldError("FieldValueRequired", "spec", "Required value"));
            return;
        }

        if (spec["containers"] is not JsonArray { Count: > 0 })
        {
            errors.Add(new FieldError("FieldValueRequired", "spec.containers", "Required value"));
        }

        spec["restartPolicy"] ??= "Always";
        spec["terminationGracePeriodSeconds"] ??= 30;
        spec["dnsPolicy"] ??= "ClusterFirst";
        spec["schedulerName"] ??= "default-scheduler";
        DefaultContainers(spec["initContainers"] as JsonArray, "spec.initContainers", errors);
        DefaultContainers(spec["containers"] as JsonArray, "spec.containers", errors);
        if (creating)
        {
            pod["status"] = new JsonObject { ["phase"] = "Pending", ["qosClass"] = "BestEffort" };
        }
    }

    private static void DefaultContainers(JsonArray? containers, string path, List<FieldError> errors)
    {
        for (var i = 0; i < (containers?.Count ?? 0); i++)
        {
            if (containers![i] is not JsonObject container)
            {
                continue;
            }

            if (ServerFields.Str(container["name"]) is not { Length: > 0 })
            {
                errors.Add(new FieldError("FieldValueRequired", $"{path}[{i}].name", "Required value"));
            }

            if (ServerFields.Str(container["image"]) is not { Length: > 0 } image)
            {
                errors.Add(new FieldError("FieldValueRequired", $"{path}[{i}].image", "Required value"));
                continue;
            }

            container["terminationMessagePath"] ??= "/dev/termination-log";
            container["terminationMessagePolicy"] ??= "File";
            container["imagePullPolicy"] ??= image.EndsWith(":latest", StringComparison.Ordinal) || !image.Contains(':')
                ? "Always"
                : "IfNotPresent";
        }
    }

    private static void DefaultSecret(JsonObject secret)
    {
        if (string.IsNullOrEmpty(ServerFields.Str(secret["type"])))
        {
            secret["type"] = "Opaque";
        }
        if (secret["stringData"] is not JsonObject stringData)
        {
            return;
        }

        // stringData is write-only: merged into data (base64) and never stored.
        var data = secret["data"] as JsonObject ?? [];
        foreach (var (key, value) in stringData)
        {
            data[key] = Convert.ToBase64String(Encoding.UTF8.GetBytes(value?.ToString() ?? ""));
        }

        secret["data"] = data;
        secret.Remove("stringData");
    }
}
