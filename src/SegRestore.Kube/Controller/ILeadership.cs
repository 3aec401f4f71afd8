namespace SegRestore.Kube.Controller;

/// <summary>
/// Tells controllers when they may run. A term starts when <see cref="WaitForLeadershipAsync"/> completes and ends when
/// the token it returned is cancelled (leadership lost): controllers then stop at once and wait for the next term.
/// </summary>
public interface ILeadership
{
    bool IsLeader { get; }

    Task<CancellationToken> WaitForLeadershipAsync(CancellationToken cancellationToken);
}
