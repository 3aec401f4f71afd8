namespace SegRestore.Store.Hosting;

/// <summary>
/// The operator's ledger configuration as written (configuration section <see cref="SectionName"/>, e.g.
/// <c>Ledger__Store=postgres</c> in the environment). Strings stay strings here so that a bad value is reported by
/// <see cref="ChainLedgerSettings.From"/> with the option's name and the fix, not by a generic binder error.
/// </summary>
public sealed record ChainLedgerOptions
{
    public const string SectionName = "Ledger";

    /// <summary><c>configMap</c> (default), <c>postgres</c> or <c>sqlite</c>.</summary>
    public string? Store { get; init; }

    /// <summary>postgres: an Npgsql connection string (keep it in a Secret); sqlite: the database file path, or
    /// <c>Data Source=&lt;path&gt;</c>. Not used by configMap.</summary>
    public string? ConnectionString { get; init; }

    /// <summary>postgres only: the schema for the ledger's tables (default: the connection's search path).</summary>
    public string? Schema { get; init; }

    /// <summary>configMap only: the namespace of the ledger's ConfigMaps (default: the Kubernetes client's namespace,
    /// i.e. the operator's own in a cluster).</summary>
    public string? Namespace { get; init; }

    /// <summary>configMap only: most raw checkpoint bytes per chain (default 256 MiB).</summary>
    public long? SizeLimitBytes { get; init; }

    /// <summary>How long a finalized or abandoned chain's summary is kept (default 7 days).</summary>
    public TimeSpan? Retention { get; init; }

    /// <summary>How old an unreferenced blob must be before it is collected (default 1 h; must exceed the longest commit).</summary>
    public TimeSpan? OrphanGrace { get; init; }
}
