using Microsoft.Extensions.Diagnostics.HealthChecks;
using SegRestore.Kube.Controller;

namespace SegRestore.Operator.Hosting;

/// <summary>
/// Ready only while this replica leads: the reporter Service then sends workers to the replica that granted their
/// tokens and writes the ledger, never to a standby.
/// </summary>
public sealed class LeadershipHealthCheck(ILeadership leadership) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(leadership.IsLeader
            ? HealthCheckResult.Healthy("leading")
            : HealthCheckResult.Unhealthy("standby: another replica holds the operator Lease"));
}
