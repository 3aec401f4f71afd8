using SegRestore.Br.State;

namespace SegRestore.Operator.TiFlash;

/// <summary>
/// The SQL the operator sends to TiDB to put TiFlash replicas back. Every <c>ALTER</c> comes from
/// <see cref="TiFlashResetSql"/> (BR's own form, with its quoting) and never from user text; the check is a fixed query
/// whose schema and table travel as parameters.
/// </summary>
public static class TiFlashReplicaStatements
{
    /// <summary>The parameter that carries the schema (database) name in <see cref="CheckQuery"/>.</summary>
    public const string SchemaParameter = "@schema";

    /// <summary>The parameter that carries the table name in <see cref="CheckQuery"/>.</summary>
    public const string TableParameter = "@table";

    /// <summary>Reads back one table's replica setting after the <c>ALTER</c>.</summary>
    public const string CheckQuery =
        "SELECT TABLE_SCHEMA, TABLE_NAME, REPLICA_COUNT, LOCATION_LABELS, AVAILABLE, PROGRESS " +
        "FROM information_schema.tiflash_replica WHERE TABLE_SCHEMA = " + SchemaParameter + " AND TABLE_NAME = " + TableParameter;

    /// <summary>
    /// The statements for <paramref name="items"/>: one per replica with a count above zero and a known name (a count of
    /// zero means the table had no replica to put back). Replicas with a count but no name are returned apart.
    /// </summary>
    public static TiFlashReplicaPlan Plan(IReadOnlyList<TiFlashReplicaItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var statements = new List<TiFlashReplicaStatement>();
        var unnamed = new List<TiFlashReplicaItem>();
        foreach (var item in items)
        {
            if (item.Count == 0)
            {
                continue;
            }

            if (item.Database is null || item.Table is null)
            {
                unnamed.Add(item);
                continue;
            }

            statements.Add(new TiFlashReplicaStatement(item, TiFlashResetSql.For(item.Database, item.Table, item.Count, item.LocationLabels)));
        }

        return new TiFlashReplicaPlan(statements, unnamed);
    }
}
