using Microsoft.Extensions.Diagnostics.HealthChecks;
using SegRestore.Store.Hosting;

namespace SegRestore.Operator.Hosting;

/// <summary>Ready once the ledger is open: without it the operator can neither start nor record a segment.</summary>
public sealed class LedgerHealthCheck(IChainLedgerProvider ledgers) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await ledgers.GetLedgerAsync(cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("the chain ledger cannot be opened: " + e.Message);
        }
    }
}
