using System.Text.Json.Nodes;
using SegRestore.LocalCluster.Semantics;

namespace SegRestore.LocalCluster.Kubelet;

/// <summary>Pure pod status transitions of the kubelet: container states, phase and conditions.</summary>
public static class PodStatusRules
{
    public static JsonObject Waiting(string name, string image, string reason, string? message = null) => new()
    {
        ["name"] = name,
        ["image"] = image,
        ["imageID"] = "",
        ["ready"] = false,
        ["restartCount"] = 0,
        ["started"] = false,
        ["state"] = new JsonObject
        {
            ["waiting"] = message is null
                ? new JsonObject { ["reason"] = reason }
                : new JsonObject { ["reason"] = reason, ["message"] = message },
        },
    };

    public static JsonObject Running(string name, string image, int pid, string startedAt, bool ready) => new()
    {
        ["name"] = name,
        ["image"] = image,
        ["imageID"] = "",
        ["containerID"] = $"process://{pid}",
        ["ready"] = ready,
        ["restartCount"] = 0,
        ["started"] = true,
        ["state"] = new JsonObject { ["running"] = new JsonObject { ["startedAt"] = startedAt } },
    };

    /// <summary>Reason Completed for exit code 0, Error otherwise (as a real kubelet reports).</summary>
    public static JsonObject Terminated(string name, string image, int pid, int exitCode, string? message, string startedAt, string finishedAt)
    {
        var terminated = new JsonObject
        {
            ["exitCode"] = exitCode,
            ["reason"] = exitCode == 0 ? "Completed" : "Error",
            ["startedAt"] = startedAt,
            ["finishedAt"] = finishedAt,
            ["containerID"] = $"process://{pid}",
        };
        if (!string.IsNullOrEmpty(message))
        {
            terminated["message"] = message;
        }

        return new JsonObject
        {
            ["name"] = name,
            ["image"] = image,
            ["imageID"] = "",
            ["containerID"] = $"process://{pid}",
            ["ready"] = false,
            ["restartCount"] = 0,
            ["started"] = false,
            ["state"] = new JsonObject { ["terminated"] = terminated },
        };
    }

    /// <summary>Succeeded when every container exited 0, Failed when any failed (restartPolicy Never), else
    /// Running once containers started, Pending before.</summary>
    public static string Phase(IReadOnlyList<int?> exitCodes, bool containersStarted)
    {
        if (exitCodes.Count > 0 && exitCodes.All(c => c is not null))
        {
            return exitCodes.All(c => c == 0) ? "Succeeded" : "Failed";
        }

        return containersStarted ? "Running" : "Pending";
    }

    public static JsonArray Conditions(string now, JsonArray? previous, bool initialized, bool ready, string? notReadyReason)
    {
        return
        [
            Condition(previous, "PodReadyToStartContainers", true, null, now),
            Condition(previous, "Initialized", initialized, initialized ? null : "ContainersNotInitialized", now),
            Condition(previous, "Ready", ready, ready ? null : notReadyReason, now),
            Condition(previous, "ContainersReady", ready, ready ? null : notReadyReason, now),
            Condition(previous, "PodScheduled", true, null, now),
        ];
    }

    private static JsonObject Condition(JsonArray? previous, string type, bool status, string? reason, string now)
    {
        var value = status ? "True" : "False";
        var old = previous?.OfType<JsonObject>().FirstOrDefault(c => ServerFields.Str(c["type"]) == type);
        var since = old is not null && ServerFields.Str(old["status"]) == value ? ServerFields.Str(old["lastTransitionTime"]) : now;
        var condition = new JsonObject
        {
            ["type"] = type,
            ["status"] = value,
            ["lastProbeTime"] = null,
            ["lastTransitionTime"] = since,
        };
        if (reason is not null)
        {
            condition["reason"] = reason;
        }

        return condition;
    }
}
