using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SegRestore.Store.Model;

namespace SegRestore.Store.ConfigMaps;

/// <summary>Creates the ConfigMap ledger over a namespace's ConfigMaps.</summary>
public static class ConfigMapLedgers
{
    public static IChainLedger Create(
        IConfigMapStore store, LedgerOptions? options = null, ConfigMapLedgerOptions? limits = null, TimeProvider? time = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        return new ConfigMapChainLedger(store, options ?? LedgerOptions.Default, limits ?? ConfigMapLedgerOptions.Default,
            time ?? TimeProvider.System, logger ?? NullLogger.Instance);
    }
}
