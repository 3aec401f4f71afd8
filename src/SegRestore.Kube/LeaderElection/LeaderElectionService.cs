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

    public async Task<CancellationToken> WaitForLeadershipAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var term = await Volatile.Read(ref _nextTerm).Task.WaitAsync(cancellationToken).ConfigureAwait(false);
            if (!term.IsCancellationRequested)
            {
                return term;
            }

            // A term that just ended; its successor is swapped in by the cancellation callback in LeadAsync.
            await Task.Yield();
        }
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        elector.RunAsync(LeadAsync, stoppingToken);

    private async Task LeadAsync(CancellationToken term)
    {
        var started = Volatile.Read(ref _nextTerm);
        // Waiters arriving after the loss must wait for the next term, not get this cancelled one.
        await using var swap = term.Register(() => Interlocked.CompareExchange(
            ref _nextTerm, new(TaskCreationOptions.RunContinuationsAsynchronously), started)).ConfigureAwait(false);
        started.TrySetResult(term);
        await Task.Delay(Timeout.InfiniteTimeSpan, term).ConfigureAwait(false);
    }
}
