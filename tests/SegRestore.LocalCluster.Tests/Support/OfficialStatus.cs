using k8s;
using k8s.Autorest;
using k8s.Models;

namespace SegRestore.LocalCluster.Tests.Support;

/// <summary>The server's Status from the official client's error: <see cref="HttpOperationException"/> carries
/// the response body as the server sent it.</summary>
public static class OfficialStatus
{
    /// <summary>Awaits a call that must fail and returns the Status the server answered with.</summary>
    public static async Task<V1Status> AsStatus<T>(this Task<T> call)
    {
        ArgumentNullException.ThrowIfNull(call);
        try
        {
            await call;
        }
        catch (HttpOperationException e)
        {
            var status = KubernetesJson.Deserialize<V1Status>(e.Response.Content);
            status.Code.Should().Be((int)e.Response.StatusCode, "the Status body agrees with the HTTP code");
            return status;
        }

        throw new InvalidOperationException("the call succeeded; the test expected the server to refuse it");
    }
}
