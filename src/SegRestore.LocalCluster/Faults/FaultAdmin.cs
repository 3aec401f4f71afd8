using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using SegRestore.LocalCluster.Http;
using SegRestore.LocalCluster.Semantics;

namespace SegRestore.LocalCluster.Faults;

/// <summary><c>POST /localcluster/faults</c> with a JSON body drives the <see cref="FaultInjector"/> from another
/// process: <c>{"failNext": {"verb": "update", "resource": "pods", "count": 2, "code": 500}}</c>,
/// <c>{"forceGone": {"inStream": true}}</c>, <c>{"latencyMs": 200}</c>, <c>{"dropWatchesEverySeconds": 5}</c>,
/// <c>{"reset": true}</c>.</summary>
public static class FaultAdmin
{
    public static async Task ApplyAsync(HttpContext context, FaultInjector faults)
    {
        var body = await HttpIo.ReadJsonAsync(context).ConfigureAwait(false) as JsonObject ?? [];
        if (body["reset"] is JsonValue reset && reset.GetValue<bool>())
        {
            faults.Reset();
        }

        if (body["failNext"] is JsonObject fail)
        {
            faults.FailNext(ServerFields.Str(fail["verb"]), ServerFields.Str(fail["resource"]),
                fail["count"]?.GetValue<int>() ?? 1, fail["code"]?.GetValue<int>() ?? 500);
        }

        if (body["forceGone"] is JsonObject gone)
        {
            faults.ForceGoneOnNextWatch(gone["inStream"]?.GetValue<bool>() ?? true, gone["count"]?.GetValue<int>() ?? 1);
        }

        if (body["latencyMs"] is JsonValue latency)
        {
            faults.Latency = TimeSpan.FromMilliseconds(latency.GetValue<int>());
        }

        if (body["dropWatchesEverySeconds"] is JsonValue drop)
        {
            faults.DropWatchesEvery = TimeSpan.FromSeconds(drop.GetValue<double>());
        }

        await HttpIo.WriteJsonAsync(context, 200, new JsonObject { ["status"] = "ok" }).ConfigureAwait(false);
    }
}
