using System.Globalization;
using k8s;
using k8s.Models;
using SegRestore.Api.Labels;

namespace SegRestore.Operator.Controller;

/// <summary>
/// Which worker pods still need their attempt's grant, pure: every pod whose worker may still call the reporter (live
/// or terminating: a worker told to stop still syncs and reports), with the chain, segment and attempt from its labels
/// and the token's hash from its annotation. Pods missing any of them are skipped (the controller's adoption, which
/// reads the ledger, still covers those).
/// </summary>
public static class LiveAttemptGrants
{
    public static IReadOnlyList<AttemptGrantSeed> From(IEnumerable<V1Pod> pods)
    {
        ArgumentNullException.ThrowIfNull(pods);
        var seeds = new List<AttemptGrantSeed>();
        foreach (var pod in pods)
        {
            if (PodObservation.Of(pod).Life is not (PodLife.Live or PodLife.Terminating))
            {
                continue;
            }

            var labels = pod.Metadata.Labels;
            var annotations = pod.Metadata.Annotations;
            if (labels is null || annotations is null
                || !labels.TryGetValue(SegRestoreLabels.Chain, out var root) || string.IsNullOrEmpty(root)
                || !labels.TryGetValue(SegRestoreLabels.SegmentUid, out var segment) || string.IsNullOrEmpty(segment)
                || !labels.TryGetValue(SegRestoreLabels.Attempt, out var attemptText)
                || !int.TryParse(attemptText, NumberStyles.None, CultureInfo.InvariantCulture, out var attempt) || attempt < 1
                || !annotations.TryGetValue(SegRestoreLabels.TokenSha256Annotation, out var hex)
                || !TokenHash.TryParse(hex, out var hash)
                || string.IsNullOrEmpty(pod.Metadata.Name))
            {
                continue;
            }

            seeds.Add(new AttemptGrantSeed(root, segment, attempt, pod.Metadata.Name, hash));
        }

        return seeds;
    }
}
