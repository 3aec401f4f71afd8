namespace SegRestore.Store.Hosting;

/// <summary>The operator's ledger, opened on first use (the SQL stores run their migrations then). A failed open is
/// not remembered: the next call tries again (a database that was still starting).</summary>
public interface IChainLedgerProvider
{
    ValueTask<IChainLedger> GetLedgerAsync(CancellationToken cancellationToken);
}
