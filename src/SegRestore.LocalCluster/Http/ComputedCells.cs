using System.Globalization;
using System.Text.Json.Nodes;
using SegRestore.LocalCluster.Semantics;

namespace SegRestore.LocalCluster.Http;

/// <summary>Table cells of built-in kinds that are not a single JSONPath: a pod's READY/STATUS/RESTARTS, a
/// config map's DATA count, an event's OBJECT.</summary>
public static class ComputedCells
{
    public static JsonNode? Evaluate(string name, JsonObject obj) => name switch
    {
        "#pod-ready" => PodReady(obj),
        "#pod-status" => PodStatus(obj),
        "#pod-restarts" => Statuses(obj).Sum(s => s["restartCount"]?.GetValue<int>() ?? 0).ToString(CultureInfo.InvariantCulture),
        "#data-count" => ((obj["data"] as JsonObject)?.Count ?? 0) + ((obj["binaryData"] as JsonObject)?.Count ?? 0),
        "#involved-object" => $"{ServerFields.Str(obj["involvedObject"]?["kind"])?.ToLowerInvariant()}/{ServerFields.Str(obj["involvedObject"]?["name"])}",
        "#regarding-object" => $"{ServerFields.Str(obj["regarding"]?["kind"])?.ToLowerInvariant()}/{ServerFields.Str(obj["regarding"]?["name"])}",
        "#pvc-status" => obj["metadata"]?["deletionTimestamp"] is not null ? "Terminating" : ServerFields.Str(obj["status"]?["phase"]),
        "#pvc-access-modes" => string.Join(',', (obj["status"]?["accessModes"] as JsonArray ?? []).Select(m => AccessModeShortName(ServerFields.Str(m)))),
        _ => null,
    };

    /// <summary>kubectl's abbreviations (RWO, ROX, RWX, RWOP).</summary>
    private static string? AccessModeShortName(string? mode) => mode switch
    {
        "ReadWriteOnce" => "RWO",
        "ReadOnlyMany" => "ROX",
        "ReadWriteMany" => "RWX",
        "ReadWriteOncePod" => "RWOP",
        _ => mode,
    };

    private static string PodReady(JsonObject pod)
    {
        var total = (pod["spec"]?["containers"] as JsonArray)?.Count ?? 0;
        var ready = Statuses(pod).Count(s => s["ready"]?.GetValue<bool>() == true);
        return $"{ready}/{total}";
    }

    /// <summary>The STATUS kubectl shows: Terminating, a container's waiting/terminated reason, Init:N/M, or the
    /// phase.</summary>
    private static string PodStatus(JsonObject pod)
    {
        if (pod["metadata"]?["deletionTimestamp"] is not null)
        {
            return "Terminating";
        }

        var initStatuses = (pod["status"]?["initContainerStatuses"] as JsonArray)?.OfType<JsonObject>().ToList() ?? [];
        var initCount = (pod["spec"]?["initContainers"] as JsonArray)?.Count ?? 0;
        for (var i = 0; i < initStatuses.Count; i++)
        {
            var state = initStatuses[i]["state"];
            if (state?["terminated"] is JsonObject terminated && terminated["exitCode"]?.GetValue<int>() != 0)
            {
                return "Init:" + (ServerFields.Str(terminated["reason"]) ?? "Error");
            }

            if (state?["terminated"] is null)
            {
                return ServerFields.Str(state?["waiting"]?["reason"]) is { } reason and not "PodInitializing"
                    ? "Init:" + reason
                    : $"Init:{i}/{initCount}";
            }
        }

        var phase = ServerFields.Str(pod["status"]?["phase"]) ?? "Pending";
        foreach (var status in Statuses(pod))
        {
            if (ServerFields.Str(status["state"]?["waiting"]?["reason"]) is { } waiting)
            {
                return waiting;
            }

            if (ServerFields.Str(status["state"]?["terminated"]?["reason"]) is { } terminated && phase != "Running")
            {
                return terminated;
            }
        }

        return phase;
    }

    private static IEnumerable<JsonObject> Statuses(JsonObject pod) =>
        (pod["status"]?["containerStatuses"] as JsonArray)?.OfType<JsonObject>() ?? [];
}
