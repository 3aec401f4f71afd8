using System.Collections.Concurrent;
using System.Globalization;
using k8s;
using k8s.Models;
using SegRestore.Api.Labels;
using SegRestore.Kube.Client;
using SegRestore.Operator.Reporter;

namespace SegRestore.Operator.Controller;

/// <summary>
/// Adopts a running worker on its first call after an operator restart, before the controller reached its segment:
/// the attempt's live pod (found by its segment-uid and attempt labels) carries its chain and the token's SHA-256, so
/// the grant is restored without reading the token. Unknown attempts are remembered for a few seconds, so a caller
/// cannot make the operator list pods on every request.
/// </summary>
public sealed class PodGrantResolver(IKubernetesClient client, InMemoryAttemptTokenRegistry tokens, TimeProvider time) : IAttemptGrantResolver
{
    private static readonly TimeSpan MissMemory = TimeSpan.FromSeconds(5);
    private readonly ConcurrentDictionary<(string, int), DateTimeOffset> _misses = new();

    public async ValueTask<AttemptGrant?> ResolveAsync(string segmentUid, int attempt, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_misses.TryGetValue((segmentUid, attempt), out var missed) && now - missed < MissMemory)
        {
            return null;
        }

        var selector = $"{SegRestoreLabels.SegmentUid}={segmentUid},{SegRestoreLabels.Attempt}={attempt.ToString(CultureInfo.InvariantCulture)}";
        KubernetesList<V1Pod> pods;
        try
        {
            pods = await client.ListAsync<V1Pod>(null, new ListOptions { LabelSelector = selector }, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is KubernetesApiException or HttpRequestException or TimeoutException)
        {
            return null; // the worker retries; the controller adopts the pod on its own pass too
        }

        // The same reading of a pod as the start-up restorer's (labels, token hash; live or still terminating).
        var seed = LiveAttemptGrants.From(pods.Items).FirstOrDefault(s => s.SegmentUid == segmentUid && s.Attempt == attempt);
        if (seed is null)
        {
            _misses[(segmentUid, attempt)] = now;
            return null;
        }

        return tokens.Find(segmentUid, attempt) ?? tokens.GrantHashed(seed.RootUid, segmentUid, attempt, seed.PodName, seed.TokenSha256);
    }
}
