using Microsoft.Extensions.Hosting;

namespace SegRestore.Store.Hosting;

/// <summary>Opens the ledger when the host starts, so a wrong connection string or an unreachable database stops
/// the operator at startup instead of at the first restore.</summary>
public sealed class ChainLedgerWarmup(IChainLedgerProvider provider) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken) => await provider.GetLedgerAsync(cancellationToken).ConfigureAwait(false);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
