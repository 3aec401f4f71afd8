using k8s.LeaderElection;

namespace SegRestore.Kube.LeaderElection;

/// <summary>
/// Gives up a held lease on shutdown the way client-go's ReleaseOnCancel does: an empty holder with a one-second
/// duration, times kept, so another replica's official elector takes it at its next attempt (a record without times
/// would send it down the create path, which fails on an existing Lease).
/// </summary>
public static class LeaseRelease
{
    public static async Task ReleaseAsync(ILock leaseLock, TimeSpan timeout, Action<Exception> onError)
    {
        ArgumentNullException.ThrowIfNull(leaseLock);
        ArgumentNullException.ThrowIfNull(onError);
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            var record = await leaseLock.GetAsync(cancel.Token).ConfigureAwait(false);
            if (Released(record, leaseLock.Identity, DateTime.UtcNow) is { } released)
            {
                await leaseLock.UpdateAsync(released, cancel.Token).ConfigureAwait(false);
            }
        }
        catch (Exception e)
        {
            onError(e);
        }
    }

    /// <summary>The record after <paramref name="identity"/> releases it; null when it does not hold it.</summary>
    public static LeaderElectionRecord? Released(LeaderElectionRecord? current, string identity, DateTime now) =>
        current is null || current.HolderIdentity != identity ? null
        : new LeaderElectionRecord
        {
            HolderIdentity = "",
            LeaseDurationSeconds = 1,
            AcquireTime = current.AcquireTime ?? now,
            RenewTime = now,
            LeaderTransitions = current.LeaderTransitions,
        };
}
