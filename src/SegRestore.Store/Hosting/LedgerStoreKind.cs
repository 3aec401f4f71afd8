namespace SegRestore.Store.Hosting;

/// <summary>Where the chain ledger keeps its data.</summary>
public enum LedgerStoreKind
{
    /// <summary>ConfigMaps in one namespace: no extra infrastructure, chains up to the size limit.</summary>
    ConfigMap,

    /// <summary>A PostgreSQL database: large Managed-mode checkpoints, any number of operator replicas.</summary>
    Postgres,

    /// <summary>A SQLite file on a volume: a single operator replica.</summary>
    Sqlite,
}
