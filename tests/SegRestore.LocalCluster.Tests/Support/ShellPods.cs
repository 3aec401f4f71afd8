using System.Text.Json.Nodes;

namespace SegRestore.LocalCluster.Tests.Support;

/// <summary>A one-container pod that runs a shell script (image <c>shell:*</c>, which the suite maps to /bin/sh),
/// optionally with a host directory mounted at /host.</summary>
public static class ShellPods
{
    public static JsonObject Pod(string name, string script, string container = "main", string? hostDirectory = null)
    {
        var main = new JsonObject
        {
            ["name"] = container,
            ["image"] = "shell:1",
            ["command"] = new JsonArray("/bin/sh", "-c", script),
        };
        var spec = new JsonObject { ["restartPolicy"] = "Never" };
        if (hostDirectory is not null)
        {
            spec["volumes"] = new JsonArray(new JsonObject { ["name"] = "host", ["hostPath"] = new JsonObject { ["path"] = hostDirectory } });
            main["volumeMounts"] = new JsonArray(new JsonObject { ["name"] = "host", ["mountPath"] = "/host" });
        }

        spec["containers"] = new JsonArray(main);
        return new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Pod",
            ["metadata"] = new JsonObject { ["name"] = name },
            ["spec"] = spec,
        };
    }
}
