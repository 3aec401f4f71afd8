using Microsoft.Extensions.Logging;
using SegRestore.Kube.Client;
using SegRestore.Store.ConfigMaps;
using SegRestore.Store.Sql;

namespace SegRestore.Store.Hosting;

/// <summary>Opens the store <see cref="ChainLedgerSettings"/> chose, once, and disposes it with the container.</summary>
public sealed class ChainLedgerProvider(
    ChainLedgerSettings settings, IServiceProvider services, TimeProvider time, ILoggerFactory loggers) : IChainLedgerProvider, IAsyncDisposable
{
    private readonly SemaphoreSlim _opening = new(1, 1);
    private IChainLedger? _ledger;

    public async ValueTask<IChainLedger> GetLedgerAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _ledger) is { } opened)
        {
            return opened;
        }

        await _opening.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _ledger ??= await OpenAsync(cancellationToken).ConfigureAwait(false);
            return _ledger;
        }
        finally
        {
            _opening.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_ledger is { } ledger)
        {
            await ledger.DisposeAsync().ConfigureAwait(false);
        }

        _opening.Dispose();
    }

    private async Task<IChainLedger> OpenAsync(CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger("SegRestore.Store.ChainLedger");
        switch (settings.Store)
        {
            case LedgerStoreKind.Postgres:
                return await SqlLedgers.OpenPostgresAsync(settings.ConnectionString!, settings.Schema, settings.Ledger, time, logger, cancellationToken)
                    .ConfigureAwait(false);
            case LedgerStoreKind.Sqlite:
                return await SqlLedgers.OpenSqliteAsync(settings.ConnectionString!, settings.Ledger, time, logger, cancellationToken).ConfigureAwait(false);
            default:
                var client = (IKubernetesClient?)services.GetService(typeof(IKubernetesClient))
                    ?? throw new LedgerConfigurationException(
                        "Ledger:Store is configMap but no IKubernetesClient is registered; call services.AddSegRestoreKubernetesClient() " +
                        "(AddChainLedger does so unless the container was built without it).");
                var @namespace = settings.Namespace ?? client.DefaultNamespace
                    ?? throw new LedgerConfigurationException(
                        "Ledger:Namespace is empty and the Kubernetes client has no default namespace (no service account namespace, no " +
                        "kubeconfig context namespace); set Ledger:Namespace to the namespace whose ConfigMaps the operator may write.");
                return ConfigMapLedgers.Create(new KubernetesConfigMapStore(client, @namespace), settings.Ledger, settings.Limits, time, logger);
        }
    }
}
