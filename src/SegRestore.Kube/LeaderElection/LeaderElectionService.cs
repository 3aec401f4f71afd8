using Microsoft.Extensions.Hosting;
using SegRestore.Kube.Controller;

namespace SegRestore.Kube.LeaderElection;

/// <summary>
/// Runs the <see cref="LeaderElector"/> in the host and publishes its terms as <see cref="ILeadership"/>, so every
/// controller of the process starts and stops with leadership.
/// </summary>
public sealed class LeaderElectionService(LeaderElector elector) : BackgroundService, ILeadership
{
    private TaskCompletionSource<CancellationToken> _nextTerm = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool IsLeader => elector.IsLeader;

    public Task<CancellationToken> WaitForLeadershipAsync(CancellationToken cancellationToken) =>
        Volatile.Read(ref _nextTerm).Task.WaitAsync(cancellationToken);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        elector.RunAsync(LeadAsync, stoppingToken);

    private async Task LeadAsync(CancellationToken term)
    {
        var started = Volatile.Read(ref _nextTerm);
        started.TrySetResult(term);
        try
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, term).ConfigureAwait(false);
        }
        finally
        {
            // Waiters arriving after the loss must wait for the next term, not get this cancelled one.
            Interlocked.CompareExchange(ref _nextTerm, new(TaskCreationOptions.RunContinuationsAsynchronously), started);
        }
    }
}
