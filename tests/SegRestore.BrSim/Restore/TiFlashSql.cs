using System.Text;
using SegRestore.BrSim.Model;

namespace SegRestore.BrSim.Restore;

/// <summary>The statements BR's TiFlash recorder generates to put replicas back on the last segment.</summary>
public static class TiFlashSql
{
    public static string AlterTable(string db, string table, TiFlashReplica replica)
    {
        ArgumentNullException.ThrowIfNull(replica);
        var sql = new StringBuilder();
        sql.Append("ALTER TABLE ").Append(QuoteName(db)).Append('.').Append(QuoteName(table))
            .Append(" SET TIFLASH REPLICA ").Append(replica.Count);
        if (replica.LocationLabels.Count > 0)
        {
            sql.Append(" LOCATION LABELS ").Append(string.Join(", ", replica.LocationLabels.Select(QuoteLabel)));
        }

        return sql.ToString();
    }

    public static string QuoteName(string name) => "`" + name.Replace("`", "``", StringComparison.Ordinal) + "`";

    public static string QuoteLabel(string label) =>
        "'" + label.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "'";
}
