using System.Text.Json.Nodes;

namespace SegRestore.LocalCluster.Tests.Support;

/// <summary>PersistentVolumeClaim and claim-mounting pod bodies for the claim tests.</summary>
public static class Claims
{
    public const string MountPath = "/var/lib/segrestore/checkpoint";

    public static string Path(string ns, string name = "") =>
        $"/api/v1/namespaces/{ns}/persistentvolumeclaims" + (name.Length > 0 ? "/" + name : "");

    public static JsonObject Claim(string name, string storage = "1Gi", JsonObject? owner = null)
    {
        var metadata = new JsonObject { ["name"] = name, ["labels"] = new JsonObject { ["app"] = "segrestore" } };
        if (owner is not null)
        {
            metadata["ownerReferences"] = new JsonArray(owner);
        }

        return new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "PersistentVolumeClaim",
            ["metadata"] = metadata,
            ["spec"] = new JsonObject
            {
                ["accessModes"] = new JsonArray("ReadWriteOnce"),
                ["resources"] = new JsonObject { ["requests"] = new JsonObject { ["storage"] = storage } },
            },
        };
    }

    /// <summary>A pod running <paramref name="script"/> with the claim mounted read-write at <see cref="MountPath"/>.</summary>
    public static JsonObject Pod(string name, string claim, string script, string? subPath = null)
    {
        var mount = new JsonObject { ["name"] = "checkpoint", ["mountPath"] = MountPath };
        if (subPath is not null)
        {
            mount["subPath"] = subPath;
        }

        return new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Pod",
            ["metadata"] = new JsonObject { ["name"] = name },
            ["spec"] = new JsonObject
            {
                ["restartPolicy"] = "Never",
                ["volumes"] = new JsonArray(new JsonObject
                {
                    ["name"] = "checkpoint",
                    ["persistentVolumeClaim"] = new JsonObject { ["claimName"] = claim },
                }),
                ["containers"] = new JsonArray(new JsonObject
                {
                    ["name"] = "c",
                    ["image"] = "shell:1",
                    ["command"] = new JsonArray("/bin/sh", "-c", script),
                    ["volumeMounts"] = new JsonArray(mount),
                }),
            },
        };
    }
}
