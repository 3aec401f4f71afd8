using SegRestore.Api.Models;
using SegRestore.Api.Serialization;
using SegRestore.E2E.Tests.Infrastructure;
using SegRestore.Kube.Client;

namespace SegRestore.Bench.E2E;

/// <summary>
/// The benchmark's own writes go through a client with its own User-Agent, so LocalCluster's request counter tells
/// them apart from the operator's (which keeps the client's default agent).
/// </summary>
public static class BenchClient
{
    public const string UserAgent = "segrestore-bench/1.0";

    /// <summary>The operator's agent: SegRestore.Kube's default, which the operator does not override.</summary>
    public static readonly string OperatorUserAgent = KubeConfiguration.DefaultUserAgent;

    public static KubernetesClient Create(E2EEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return new KubernetesClient(
            KubeConfiguration.FromText(environment.Cluster.Kubeconfig).WithUserAgent(UserAgent),
            SegRestoreEntityJson.Instance);
    }

    /// <summary>Creates the segments of several chains concurrently (a few requests in flight at a time).</summary>
    public static async Task CreateAllAsync(KubernetesClient client, IEnumerable<PointRestoreSegment> segments)
    {
        ArgumentNullException.ThrowIfNull(client);
        await Parallel.ForEachAsync(segments, new ParallelOptions { MaxDegreeOfParallelism = 8 },
            async (segment, ct) => await client.CreateAsync(segment, ct));
    }
}
