using System.Globalization;
using Microsoft.Extensions.Logging;

namespace SegRestore.Store.Sql;

/// <summary>Applies pending migrations in one transaction, serialized against concurrent starters, recording each in
/// schema_version. Re-running it on an up-to-date schema changes nothing.</summary>
internal static class SchemaMigrator
{
    /// <summary>Returns the schema version after migrating.</summary>
    public static async Task<int> MigrateAsync(SqlDialect dialect, ILogger logger, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await dialect.BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
        await dialect.LockMigrationsAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(transaction, """
            CREATE TABLE IF NOT EXISTS schema_version (
                version INTEGER PRIMARY KEY,
                description TEXT NOT NULL,
                applied_at TEXT NOT NULL)
            """, cancellationToken).ConfigureAwait(false);
        var current = Convert.ToInt32(
            await connection.ScalarAsync(transaction, "SELECT COALESCE(MAX(version), 0) FROM schema_version", cancellationToken).ConfigureAwait(false),
            CultureInfo.InvariantCulture);
        foreach (var migration in SqlMigrations.All.Where(m => m.Version > current))
        {
            await connection.ExecuteAsync(transaction, SqlMigrations.Render(migration, dialect.ColumnTypes), cancellationToken).ConfigureAwait(false);
            await connection.ExecuteAsync(transaction,
                "INSERT INTO schema_version (version, description, applied_at) VALUES (@version, @description, @appliedAt)",
                cancellationToken,
                ("version", migration.Version),
                ("description", migration.Description),
                ("appliedAt", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture))).ConfigureAwait(false);
            logger.Migrated(migration.Version, migration.Description, dialect.Name);
            current = migration.Version;
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return current;
    }
}
