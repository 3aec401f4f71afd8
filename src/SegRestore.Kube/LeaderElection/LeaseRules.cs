using SegRestore.Kube.Models;

namespace SegRestore.Kube.LeaderElection;

/// <summary>
/// The lease decisions, pure. Expiry is judged on this replica's clock from when it last saw the record change
/// (client-go's observedTime), never from the remote <c>renewTime</c>, so clock skew between replicas cannot hand
/// the lease to two holders.
/// </summary>
public static class LeaseRules
{
    /// <summary>True when another identity holds the lease and it has not expired from our point of view.</summary>
    public static bool IsHeldByAnother(V1Lease lease, string identity, DateTimeOffset observedChangeAt, DateTimeOffset now,
        TimeSpan defaultDuration)
    {
        ArgumentNullException.ThrowIfNull(lease);
        var holder = lease.Spec?.HolderIdentity;
        if (string.IsNullOrEmpty(holder) || holder == identity)
        {
            return false;
        }

        var duration = lease.Spec?.LeaseDurationSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : defaultDuration;
        return observedChangeAt + duration > now;
    }

    /// <summary>The lease record after this identity renews it (holding) or takes it over (a new transition).</summary>
    public static V1LeaseSpec Claim(V1LeaseSpec? current, string identity, DateTimeOffset now, TimeSpan duration)
    {
        var renewing = current?.HolderIdentity == identity;
        var transitions = current?.LeaseTransitions ?? 0;
        return new V1LeaseSpec
        {
            HolderIdentity = identity,
            LeaseDurationSeconds = (int)Math.Ceiling(duration.TotalSeconds),
            AcquireTime = renewing ? current!.AcquireTime ?? now.UtcDateTime : now.UtcDateTime,
            RenewTime = now.UtcDateTime,
            LeaseTransitions = renewing || current is null ? transitions : transitions + 1,
        };
    }
}
