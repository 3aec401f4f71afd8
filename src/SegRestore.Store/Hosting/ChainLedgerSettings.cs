using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Npgsql;
using SegRestore.Store.ConfigMaps;
using SegRestore.Store.Model;

namespace SegRestore.Store.Hosting;

/// <summary>
/// Validated ledger settings. <see cref="From"/> is pure: it checks every option and reports all problems at once,
/// each naming the option, the value and the fix. A connection string is never repeated in a message (it may hold a
/// password); this type has no generated ToString for the same reason.
/// </summary>
public sealed partial class ChainLedgerSettings
{
    private ChainLedgerSettings(LedgerStoreKind store, string? connectionString, string? schema, string? @namespace,
        ConfigMapLedgerOptions limits, LedgerOptions ledger)
    {
        Store = store;
        ConnectionString = connectionString;
        Schema = schema;
        Namespace = @namespace;
        Limits = limits;
        Ledger = ledger;
    }

    public LedgerStoreKind Store { get; }

    /// <summary>postgres: the Npgsql connection string; sqlite: the database file path.</summary>
    public string? ConnectionString { get; }

    public string? Schema { get; }

    public string? Namespace { get; }

    public ConfigMapLedgerOptions Limits { get; }

    public LedgerOptions Ledger { get; }

    public static ChainLedgerSettings From(ChainLedgerOptions options, string prefix = ChainLedgerOptions.SectionName)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        var store = ParseStore(options.Store, prefix, problems);
        string? connection = null;
        if (store is { } kind)
        {
            RefuseForeignOptions(options, kind, prefix, problems);
            connection = kind switch
            {
                LedgerStoreKind.Postgres => CheckPostgres(options, prefix, problems),
                LedgerStoreKind.Sqlite => CheckSqlite(options.ConnectionString, prefix, problems),
                _ => null,
            };
        }

        if (options.Namespace is { } ns && !DnsLabel().IsMatch(ns))
        {
            problems.Add($"{prefix}:Namespace is '{ns}', not a Kubernetes namespace name; use up to 63 lowercase letters, digits and '-'.");
        }

        RequirePositive(options.SizeLimitBytes, $"{prefix}:SizeLimitBytes", "e.g. 268435456 (256 MiB, the default)", problems);
        RequirePositive(options.Retention, $"{prefix}:Retention", "e.g. 7.00:00:00 (the default)", problems);
        RequirePositive(options.OrphanGrace, $"{prefix}:OrphanGrace", "longer than the longest commit, e.g. 01:00:00 (the default)", problems);
        if (problems.Count > 0)
        {
            throw new LedgerConfigurationException(problems);
        }

        var ledger = new LedgerOptions
        {
            Retention = options.Retention ?? LedgerOptions.Default.Retention,
            OrphanGrace = options.OrphanGrace ?? LedgerOptions.Default.OrphanGrace,
        };
        var limits = ConfigMapLedgerOptions.Default with { MaxChainBytes = options.SizeLimitBytes ?? ConfigMapLedgerOptions.Default.MaxChainBytes };
        return new ChainLedgerSettings(store!.Value, connection, options.Schema, options.Namespace, limits, ledger);
    }

    private static LedgerStoreKind? ParseStore(string? value, string prefix, List<string> problems)
    {
        switch (value?.ToUpperInvariant())
        {
            case null or "CONFIGMAP" or "CONFIGMAPS":
                return LedgerStoreKind.ConfigMap;
            case "POSTGRES" or "POSTGRESQL":
                return LedgerStoreKind.Postgres;
            case "SQLITE":
                return LedgerStoreKind.Sqlite;
            default:
                problems.Add($"{prefix}:Store is '{value}'; set it to configMap (the default), postgres or sqlite.");
                return null;
        }
    }

    /// <summary>An option another store would use is a mistake worth reporting: silently ignoring it hides a
    /// configuration that does not do what its author thinks.</summary>
    private static void RefuseForeignOptions(ChainLedgerOptions options, LedgerStoreKind store, string prefix, List<string> problems)
    {
        var name = Name(store);
        if (store == LedgerStoreKind.ConfigMap && options.ConnectionString is not null)
        {
            problems.Add($"{prefix}:ConnectionString is set but {prefix}:Store is {name}; remove it, or set {prefix}:Store to postgres or sqlite.");
        }

        if (store != LedgerStoreKind.Postgres && options.Schema is not null)
        {
            problems.Add($"{prefix}:Schema applies to postgres only but {prefix}:Store is {name}; remove it.");
        }

        if (store != LedgerStoreKind.ConfigMap && options.Namespace is not null)
        {
            problems.Add($"{prefix}:Namespace applies to configMap only but {prefix}:Store is {name}; remove it.");
        }

        if (store != LedgerStoreKind.ConfigMap && options.SizeLimitBytes is not null)
        {
            problems.Add($"{prefix}:SizeLimitBytes applies to configMap only (the SQL stores are limited by disk) but {prefix}:Store is {name}; remove it.");
        }
    }

    private static string? CheckPostgres(ChainLedgerOptions options, string prefix, List<string> problems)
    {
        if (options.ConnectionString is not { } connection)
        {
            problems.Add($"{prefix}:ConnectionString is empty but {prefix}:Store is postgres; set it to an Npgsql connection string " +
                $"(Host=…;Database=…;Username=…;Password=…), preferably from a Secret via the environment variable {prefix}__ConnectionString.");
            return null;
        }

        try
        {
            if (string.IsNullOrEmpty(new NpgsqlConnectionStringBuilder(connection).Host))
            {
                problems.Add($"{prefix}:ConnectionString names no Host; add Host=<server> (value not shown: it may hold a password).");
            }
        }
        catch (ArgumentException)
        {
            problems.Add($"{prefix}:ConnectionString is not a valid Npgsql connection string (value not shown: it may hold a password); " +
                "write Key=Value pairs separated by ';', e.g. Host=db;Database=segrestore;Username=segrestore.");
        }

        if (options.Schema is { } schema && !SqlIdentifier().IsMatch(schema))
        {
            problems.Add($"{prefix}:Schema is '{schema}'; use up to 63 lowercase letters, digits and '_', starting with a letter or '_'.");
        }

        return connection;
    }

    private static string? CheckSqlite(string? value, string prefix, List<string> problems)
    {
        if (value is null)
        {
            problems.Add($"{prefix}:ConnectionString is empty but {prefix}:Store is sqlite; set it to the database file on a persistent volume, " +
                "e.g. /var/lib/segrestore/ledger.db.");
            return null;
        }

        string path;
        try
        {
            var builder = value.Contains('=', StringComparison.Ordinal) ? new SqliteConnectionStringBuilder(value) : null;
            path = builder?.DataSource ?? value;
            if (builder?.Mode == SqliteOpenMode.Memory)
            {
                path = ":memory:";
            }
        }
        catch (ArgumentException)
        {
            problems.Add($"{prefix}:ConnectionString is '{value}', neither a file path nor a SQLite connection string; write e.g. /var/lib/segrestore/ledger.db.");
            return null;
        }

        if (path.Length == 0 || path == ":memory:")
        {
            problems.Add($"{prefix}:ConnectionString is '{value}', an in-memory database that loses the ledger on restart; " +
                "set a file path on a persistent volume, e.g. /var/lib/segrestore/ledger.db.");
            return null;
        }

        return path;
    }

    private static void RequirePositive<T>(T? value, string key, string example, List<string> problems)
        where T : struct, IComparable<T>
    {
        if (value is { } v && v.CompareTo(default) <= 0)
        {
            problems.Add($"{key} is '{v}'; it must be positive, {example}.");
        }
    }

    private static string Name(LedgerStoreKind store) => store switch
    {
        LedgerStoreKind.ConfigMap => "configMap",
        LedgerStoreKind.Postgres => "postgres",
        _ => "sqlite",
    };

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$")]
    private static partial Regex DnsLabel();

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex SqlIdentifier();
}
