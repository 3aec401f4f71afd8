namespace SegRestore.Chaos.Tests.Infrastructure;

/// <summary>Which ledger the operator runs with, and so which ledger faults the run injects.</summary>
public enum LedgerVariant
{
    /// <summary>The ConfigMap ledger; its faults are 409 Conflicts on ConfigMap updates and patches.</summary>
    ConfigMap,

    /// <summary>The PostgreSQL ledger on a private server; its fault is a restart of that server.</summary>
    Postgres,
}
