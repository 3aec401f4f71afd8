using SegRestore.Store.Model;
using SegRestore.Store.Sql;

namespace SegRestore.Store.CrashWriter;

/// <summary>Which ledger to open, from the environment (a connection string is never put on a command line).</summary>
public static class LedgerTarget
{
    public const string BackendVariable = "SEGRESTORE_LEDGER_BACKEND";
    public const string TargetVariable = "SEGRESTORE_LEDGER_TARGET";
    public const string SchemaVariable = "SEGRESTORE_LEDGER_SCHEMA";

    public static Task<IChainLedger> OpenFromEnvironmentAsync(CancellationToken cancellationToken)
    {
        var backend = Environment.GetEnvironmentVariable(BackendVariable);
        var target = Environment.GetEnvironmentVariable(TargetVariable)
            ?? throw new ArgumentException($"{TargetVariable} must hold the SQLite file path or the PostgreSQL connection string.");
        return backend switch
        {
            "sqlite" => SqlLedgers.OpenSqliteAsync(target, LedgerOptions.Default, TimeProvider.System, cancellationToken),
            "postgres" => SqlLedgers.OpenPostgresAsync(target, Environment.GetEnvironmentVariable(SchemaVariable), LedgerOptions.Default, TimeProvider.System, cancellationToken),
            _ => throw new ArgumentException($"{BackendVariable} '{backend}' is not a backend: use sqlite or postgres."),
        };
    }
}
