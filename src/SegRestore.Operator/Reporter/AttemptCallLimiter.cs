using System.Collections.Concurrent;

namespace SegRestore.Operator.Reporter;

/// <summary>
/// Backpressure: at most N calls in flight per attempt, so one worker (or a retry storm) cannot occupy the ledger.
/// </summary>
public sealed class AttemptCallLimiter(int maxConcurrentCallsPerAttempt, TimeSpan slotWait)
{
    private readonly ConcurrentDictionary<(string, int), SemaphoreSlim> _slots = new();

    /// <summary>Takes a slot, or returns null when the attempt is at its limit for longer than the wait.</summary>
    public async Task<IDisposable?> TryEnterAsync(string segmentUid, int attempt, CancellationToken cancellationToken)
    {
        var slot = _slots.GetOrAdd((segmentUid, attempt), _ => new SemaphoreSlim(maxConcurrentCallsPerAttempt, maxConcurrentCallsPerAttempt));
        return await slot.WaitAsync(slotWait, cancellationToken).ConfigureAwait(false) ? new Release(slot) : null;
    }

    private sealed class Release(SemaphoreSlim slot) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                slot.Release();
            }
        }
    }
}
