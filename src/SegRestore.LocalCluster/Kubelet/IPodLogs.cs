using Microsoft.AspNetCore.Http;

namespace SegRestore.LocalCluster.Kubelet;

/// <summary>Serves <c>pods/{name}/log</c> from the output the kubelet kept.</summary>
public interface IPodLogs
{
    Task WriteAsync(HttpContext context, string ns, string pod, string? container, bool follow);
}
