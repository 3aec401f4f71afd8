namespace SegRestore.Kube.LeaderElection;

/// <summary>Leader election on a <c>coordination.k8s.io/v1</c> Lease (client-go's <c>LeaderElectionConfig</c>).</summary>
public sealed class LeaderElectionOptions
{
    public string LeaseName { get; set; } = "segrestore-operator";

    /// <summary>Null means the client's default namespace.</summary>
    public string? LeaseNamespace { get; set; }

    /// <summary>This replica's identity in <c>holderIdentity</c>; unique per process.</summary>
    public string Identity { get; set; } = $"{Environment.MachineName}-{Guid.NewGuid():N}";

    /// <summary>How long others wait, after they last saw the lease change, before taking it over.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>The leader gives up when it has not renewed for this long (must be below LeaseDuration).</summary>
    public TimeSpan RenewDeadline { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The interval between attempts to acquire or renew.</summary>
    public TimeSpan RetryPeriod { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Clear the holder on shutdown so another replica takes over without waiting for expiry.</summary>
    public bool ReleaseOnCancel { get; set; } = true;

    public void Validate()
    {
        if (RenewDeadline >= LeaseDuration || RetryPeriod >= RenewDeadline || RetryPeriod <= TimeSpan.Zero)
        {
            throw new ArgumentException(
                $"Leader election needs 0 < RetryPeriod < RenewDeadline < LeaseDuration; got RetryPeriod {RetryPeriod}, " +
                $"RenewDeadline {RenewDeadline}, LeaseDuration {LeaseDuration}.");
        }
    }
}
