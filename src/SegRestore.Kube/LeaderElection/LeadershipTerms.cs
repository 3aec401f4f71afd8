using SegRestore.Kube.Controller;

namespace SegRestore.Kube.LeaderElection;

/// <summary>
/// The terms of leadership as <see cref="ILeadership"/> hands them out: <see cref="Start"/> opens a term whose token
/// <see cref="End"/> cancels at once; waiters that arrive after an end wait for the next term. Pure state, no I/O.
/// </summary>
public sealed class LeadershipTerms : IDisposable
{
    private readonly Lock _gate = new();
    private TaskCompletionSource<CancellationToken> _next = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private CancellationTokenSource? _current;

    public bool IsLeader
    {
        get
        {
            lock (_gate)
            {
                return _current is not null;
            }
        }
    }

    /// <summary>Opens a term (no-op while one is open).</summary>
    public void Start()
    {
        lock (_gate)
        {
            if (_current is not null)
            {
                return;
            }

            _current = new CancellationTokenSource();
            _next.TrySetResult(_current.Token);
        }
    }

    /// <summary>Ends the open term, cancelling its token (no-op when none is open).</summary>
    public void End()
    {
        CancellationTokenSource? ended;
        lock (_gate)
        {
            ended = _current;
            if (ended is null)
            {
                return;
            }

            _current = null;
            _next = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        // Cancelled outside the lock: callbacks (the work queue stopping) may run synchronously. Not disposed: holders
        // of the token may still link to it, and a cancelled source without a timer holds nothing.
        ended.Cancel();
    }

    public async Task<CancellationToken> WaitForTermAsync(CancellationToken cancellationToken)
    {
        Task<CancellationToken> next;
        lock (_gate)
        {
            next = _next.Task;
        }

        return await next.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    public void Dispose() => End();
}
