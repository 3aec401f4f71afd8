using k8s;
using k8s.LeaderElection;
using k8s.LeaderElection.ResourceLock;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SegRestore.Kube.Client;
using SegRestore.Kube.Controller;

namespace SegRestore.Kube.LeaderElection;

/// <summary>
/// Runs the official <see cref="LeaderElector"/> on a <see cref="LeaseLock"/> for the life of the host and publishes
/// its terms as <see cref="ILeadership"/>: a term's token is cancelled the moment the elector stops leading (so the
/// work queue stops at once), and after a loss the elector is started again, so a healed replica can lead again.
/// On shutdown a held lease is released so another replica takes over without waiting for it to expire.
/// </summary>
public sealed partial class LeaderElectionService(
    IKubernetes kubernetes,
    IKubernetesClient client,
    LeaderElectionOptions options,
    ILogger<LeaderElectionService> logger) : BackgroundService, ILeadership
{
    private readonly LeadershipTerms _terms = new();

    public bool IsLeader => _terms.IsLeader;

    public string Identity => options.Identity;

    private string Namespace => options.LeaseNamespace ?? client.DefaultNamespace ?? "default";

    public Task<CancellationToken> WaitForLeadershipAsync(CancellationToken cancellationToken) =>
        _terms.WaitForTermAsync(cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        options.Validate();
        var leaseLock = new LeaseLock(kubernetes, Namespace, options.LeaseName, options.Identity);
        while (!stoppingToken.IsCancellationRequested)
        {
            var led = await RunOnceAsync(leaseLock, stoppingToken).ConfigureAwait(false);
            if (stoppingToken.IsCancellationRequested)
            {
                if (led && options.ReleaseOnCancel)
                {
                    await LeaseRelease.ReleaseAsync(leaseLock, options.RenewDeadline, e => LogAttemptFailed(logger, options.LeaseName, e.Message))
                        .ConfigureAwait(false);
                }

                return;
            }

            if (led)
            {
                LogLost(logger, options.Identity, options.LeaseName);
            }
            else
            {
                // The elector gave up acquiring (an API error it does not retry); try again after a period.
                await Task.Delay(options.RetryPeriod, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>One run of the official elector: acquire, lead until a renewal fails; true when it led.</summary>
    private async Task<bool> RunOnceAsync(ILock leaseLock, CancellationToken stoppingToken)
    {
        // Cancelled when the run ends, so the elector's background renew loop of a lost term stops with it.
        using var run = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        using var elector = new LeaderElector(new LeaderElectionConfig(leaseLock)
        {
            LeaseDuration = options.LeaseDuration,
            RenewDeadline = options.RenewDeadline,
            RetryPeriod = options.RetryPeriod,
        });
        var led = false;
        elector.OnStartedLeading += () =>
        {
            led = true;
            _terms.Start();
            LogAcquired(logger, options.Identity, options.LeaseName);
        };
        elector.OnStoppedLeading += _terms.End;
        elector.OnNewLeader += leader => LogNewLeader(logger, options.LeaseName, leader);
        elector.OnError += e => LogAttemptFailed(logger, options.LeaseName, e.Message);
        try
        {
            await elector.RunUntilLeadershipLostAsync(run.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutdown.
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The official elector lets a failed attempt to acquire (a network error) escape; it is "not this time".
            LogAttemptFailed(logger, options.LeaseName, e.Message);
        }
        finally
        {
            _terms.End();
            await run.CancelAsync().ConfigureAwait(false);
        }

        return led;
    }

    public override void Dispose()
    {
        _terms.Dispose();
        base.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Identity} became leader on lease {Lease}")]
    private static partial void LogAcquired(ILogger logger, string identity, string lease);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Identity} lost leadership on lease {Lease}; stopping work")]
    private static partial void LogLost(ILogger logger, string identity, string lease);

    [LoggerMessage(Level = LogLevel.Information, Message = "Lease {Lease} is held by {Leader}")]
    private static partial void LogNewLeader(ILogger logger, string lease, string leader);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Lease {Lease}: attempt failed: {Reason}")]
    private static partial void LogAttemptFailed(ILogger logger, string lease, string reason);
}
