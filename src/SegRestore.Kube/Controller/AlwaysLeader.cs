namespace SegRestore.Kube.Controller;

/// <summary>The leadership of a single replica without leader election: one term that never ends.</summary>
public sealed class AlwaysLeader : ILeadership
{
    public bool IsLeader => true;

    public Task<CancellationToken> WaitForLeadershipAsync(CancellationToken cancellationToken) =>
        Task.FromResult(CancellationToken.None);
}
