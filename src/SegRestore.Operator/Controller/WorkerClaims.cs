using k8s;
using k8s.Models;
using SegRestore.Api.Models;

namespace SegRestore.Operator.Controller;

/// <summary>
/// The PersistentVolumeClaims a worker pod mounts for local:// storages (spec.*.local.claimName), checked before the
/// pod exists: a missing claim leaves it Unschedulable. The chain's own checkpoint claim, which the operator creates,
/// is not the user's to provide. Pure: the caller says which claims exist.
/// </summary>
public static class WorkerClaims
{
    public const string ClaimNotFound = "ClaimNotFound";

    /// <summary>(claim, field naming it) for every user claim the pod mounts.</summary>
    public static IReadOnlyList<(string Claim, string Field)> Required(V1Pod pod, PointRestoreSegmentSpec spec, string? checkpointClaim)
    {
        ArgumentNullException.ThrowIfNull(pod);
        ArgumentNullException.ThrowIfNull(spec);
        return [.. (pod.Spec?.Volumes ?? [])
            .Select(v => v.PersistentVolumeClaim?.ClaimName)
            .OfType<string>()
            .Where(claim => claim.Length > 0 && claim != checkpointClaim)
            .Distinct(StringComparer.Ordinal)
            .Select(claim => (claim, claim == spec.Log.Local?.ClaimName ? "spec.log.local.claimName"
                : claim == spec.FullBackup?.Local?.ClaimName ? "spec.fullBackup.local.claimName" : "the worker pod"))];
    }

    public static Verdict? Check(IReadOnlyList<(string Claim, string Field)> claims, Func<string, bool> exists, string ns, SegmentPhase phase)
    {
        ArgumentNullException.ThrowIfNull(claims);
        ArgumentNullException.ThrowIfNull(exists);
        foreach (var (claim, field) in claims)
        {
            if (!exists(claim))
            {
                return Verdict.WorkerCannotStart(phase, ClaimNotFound,
                    $"{field}: PersistentVolumeClaim \"{claim}\" was not found in namespace {ns}; the worker cannot mount the backup without it: " +
                    $"create it (or correct the name; kubectl get pvc -n {ns} lists the claims there); the segment goes on by itself once it exists");
            }
        }

        return null;
    }
}
