using k8s;
using k8s.Models;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SegRestore.Api.Labels;
using SegRestore.Kube.Client;
using SegRestore.Operator.Configuration;
using SegRestore.Operator.Controller;
using SegRestore.Operator.Reporter;

namespace SegRestore.Operator.Hosting;

/// <summary>
/// Rebuilds the in-memory token grants of running workers before the reporter starts answering. Without it, a worker
/// that reports between an operator restart and the controller's first reconcile of its segment is refused
/// (UnknownAttempt, not retried): its final checkpoint sync and its result are lost, the result then comes from the
/// termination message without the segmented state, and the next segment fails for the missing state. Registered
/// before the reporter, so hosted-service start order closes the window; the controller's adoption stays as well.
/// </summary>
public sealed partial class AttemptGrantRestorer(
    IKubernetesClient client,
    InMemoryAttemptTokenRegistry tokens,
    OperatorOptions options,
    ILogger<AttemptGrantRestorer> logger) : IHostedService
{
    /// <summary>How long start-up keeps trying to list the pods; past it the controller's adoption is the fallback.</summary>
    public static readonly TimeSpan ListDeadline = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var deadline = DateTimeOffset.UtcNow + ListDeadline;
        var selector = $"{SegRestoreLabels.ManagedBy}={SegRestoreLabels.ManagedByValue},{SegRestoreLabels.Component}={SegRestoreLabels.WorkerComponent}";
        var watch = string.IsNullOrEmpty(options.WatchNamespace) ? null : options.WatchNamespace;
        while (true)
        {
            try
            {
                var pods = await client.ListAsync<V1Pod>(watch, new ListOptions { LabelSelector = selector }, cancellationToken).ConfigureAwait(false);
                var seeds = LiveAttemptGrants.From(pods.Items);
                foreach (var seed in seeds)
                {
                    tokens.GrantHashed(seed.RootUid, seed.SegmentUid, seed.Attempt, seed.PodName, seed.TokenSha256);
                }

                LogRestored(seeds.Count);
                return;
            }
            catch (Exception e) when (IsTransient(e, cancellationToken) && DateTimeOffset.UtcNow < deadline)
            {
                LogListFailed(e.Message);
                await Task.Delay(RetryDelay, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (IsTransient(e, cancellationToken))
            {
                LogGaveUp(ListDeadline.TotalSeconds, e.Message);
                return;
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The API server answering an error, unreachable or slow (a client timeout, not our own stop).</summary>
    private static bool IsTransient(Exception e, CancellationToken cancellationToken) =>
        e is KubernetesApiException or HttpRequestException
        || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested);

    [LoggerMessage(Level = LogLevel.Information, Message = "Re-granted {Count} running worker attempts from their pods before the reporter starts")]
    private partial void LogRestored(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Listing worker pods to re-grant their attempts failed ({Error}); trying again")]
    private partial void LogListFailed(string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not list worker pods within {Seconds} s ({Error}); running workers are re-granted when their segments are reconciled")]
    private partial void LogGaveUp(double seconds, string error);
}
