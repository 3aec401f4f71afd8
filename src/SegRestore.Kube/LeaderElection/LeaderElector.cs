using Microsoft.Extensions.Logging;
using SegRestore.Kube.Client;
using SegRestore.Kube.Models;

namespace SegRestore.Kube.LeaderElection;

/// <summary>
/// Acquires and renews a Lease (client-go's <c>LeaderElector</c>). <see cref="RunAsync"/> loops for the life of the
/// process: acquire, lead until a renewal has not succeeded for <see cref="LeaderElectionOptions.RenewDeadline"/>
/// (the leading token is then cancelled at once), and try to acquire again — unlike client-go, which exits.
/// </summary>
public sealed partial class LeaderElector(
    IKubernetesClient client,
    LeaderElectionOptions options,
    TimeProvider timeProvider,
    ILogger<LeaderElector> logger)
{
    private readonly Random _random = new();
    private string? _observedHolder;
    private DateTime? _observedRenewTime;
    private DateTimeOffset _observedChangeAt;
    private volatile bool _isLeader;

    public bool IsLeader => _isLeader;

    public string Identity => options.Identity;

    private string? Namespace => options.LeaseNamespace ?? client.DefaultNamespace ?? "default";

    /// <summary>Calls <paramref name="onLeading"/> at the start of every term with a token cancelled when it ends.</summary>
    public async Task RunAsync(Func<CancellationToken, Task> onLeading, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(onLeading);
        options.Validate();
        while (!cancellationToken.IsCancellationRequested)
        {
            await AcquireAsync(cancellationToken).ConfigureAwait(false);
            using var term = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            _isLeader = true;
            LogAcquired(logger, options.Identity, options.LeaseName);
            var leading = Task.Run(() => onLeading(term.Token), CancellationToken.None);
            await RenewUntilLostAsync(cancellationToken).ConfigureAwait(false);
            _isLeader = false;
            await term.CancelAsync().ConfigureAwait(false);
            try
            {
                await leading.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // The term's work ends by cancellation; that is the normal way out.
            }

            if (cancellationToken.IsCancellationRequested)
            {
                await ReleaseAsync().ConfigureAwait(false);
                return;
            }

            LogLost(logger, options.Identity, options.LeaseName);
        }
    }

    private async Task AcquireAsync(CancellationToken cancellationToken)
    {
        while (!await TryAcquireOrRenewAsync(cancellationToken).ConfigureAwait(false))
        {
            // client-go's JitterUntil with factor 1.2: replicas started together do not collide forever.
            var delay = options.RetryPeriod * (1 + (0.2 * _random.NextDouble()));
            await Task.Delay(delay, timeProvider, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task RenewUntilLostAsync(CancellationToken cancellationToken)
    {
        var lastRenew = timeProvider.GetUtcNow();
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(options.RetryPeriod, timeProvider, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            var remaining = options.RenewDeadline - (timeProvider.GetUtcNow() - lastRenew);
            if (remaining > TimeSpan.Zero && await TryWithinAsync(remaining, cancellationToken).ConfigureAwait(false))
            {
                lastRenew = timeProvider.GetUtcNow();
            }
            else if (timeProvider.GetUtcNow() - lastRenew >= options.RenewDeadline)
            {
                return;
            }
        }
    }

    /// <summary>One renewal attempt bounded by the time left before the renew deadline.</summary>
    private async Task<bool> TryWithinAsync(TimeSpan remaining, CancellationToken cancellationToken)
    {
        using var attempt = new CancellationTokenSource(remaining, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, attempt.Token);
        try
        {
            return await TryAcquireOrRenewAsync(linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private async Task<bool> TryAcquireOrRenewAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        try
        {
            var lease = await client.GetAsync<V1Lease>(options.LeaseName, Namespace, cancellationToken).ConfigureAwait(false);
            if (lease is null)
            {
                await client.CreateAsync(new V1Lease
                {
                    Metadata = new V1ObjectMeta { Name = options.LeaseName, NamespaceProperty = Namespace },
                    Spec = LeaseRules.Claim(null, options.Identity, now, options.LeaseDuration),
                }, cancellationToken).ConfigureAwait(false);
                Observe(options.Identity, now.UtcDateTime, now);
                return true;
            }

            if (lease.Spec?.HolderIdentity != _observedHolder || lease.Spec?.RenewTime != _observedRenewTime)
            {
                Observe(lease.Spec?.HolderIdentity, lease.Spec?.RenewTime, now);
            }

            if (LeaseRules.IsHeldByAnother(lease, options.Identity, _observedChangeAt, now, options.LeaseDuration))
            {
                return false;
            }

            lease.Spec = LeaseRules.Claim(lease.Spec, options.Identity, timeProvider.GetUtcNow(), options.LeaseDuration);
            var updated = await client.ReplaceAsync(lease, cancellationToken).ConfigureAwait(false);
            Observe(updated.Spec?.HolderIdentity, updated.Spec?.RenewTime, timeProvider.GetUtcNow());
            return true;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            // Conflicts (another replica won the race), timeouts and server errors all mean "not this time".
            LogAttemptFailed(logger, options.LeaseName, e.Message);
            return false;
        }
    }

    private void Observe(string? holder, DateTime? renewTime, DateTimeOffset at)
    {
        _observedHolder = holder;
        _observedRenewTime = renewTime;
        _observedChangeAt = at;
    }

    private async Task ReleaseAsync()
    {
        if (!options.ReleaseOnCancel)
        {
            return;
        }

        using var timeout = new CancellationTokenSource(options.RenewDeadline, timeProvider);
        try
        {
            var lease = await client.GetAsync<V1Lease>(options.LeaseName, Namespace, timeout.Token).ConfigureAwait(false);
            if (lease?.Spec?.HolderIdentity == options.Identity)
            {
                lease.Spec.HolderIdentity = null;
                lease.Spec.LeaseDurationSeconds = 1;
                await client.ReplaceAsync(lease, timeout.Token).ConfigureAwait(false);
            }
        }
        catch (Exception e)
        {
            LogAttemptFailed(logger, options.LeaseName, e.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Identity} became leader on lease {Lease}")]
    private static partial void LogAcquired(ILogger logger, string identity, string lease);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Identity} lost leadership on lease {Lease}; stopping work")]
    private static partial void LogLost(ILogger logger, string identity, string lease);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Lease {Lease}: attempt failed: {Reason}")]
    private static partial void LogAttemptFailed(ILogger logger, string lease, string reason);
}
