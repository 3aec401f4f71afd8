using System.Globalization;
using System.Text;

namespace SegRestore.Br.State;

/// <summary>
/// The statement that puts a TiFlash replica back, as BR writes it: names in backquotes with backquotes doubled,
/// location labels as single-quoted strings with backslash escapes.
/// </summary>
public static class TiFlashResetSql
{
    public static string For(string database, string table, ulong count, IReadOnlyList<string>? locationLabels)
    {
        var sql = new StringBuilder("ALTER TABLE ")
            .Append(QuoteIdentifier(database)).Append('.').Append(QuoteIdentifier(table))
            .Append(" SET TIFLASH REPLICA ").Append(count.ToString(CultureInfo.InvariantCulture));
        if (locationLabels is { Count: > 0 })
        {
            sql.Append(" LOCATION LABELS ").AppendJoin(", ", locationLabels.Select(QuoteString));
        }

        return sql.ToString();
    }

    public static string QuoteIdentifier(string name) => "`" + (name ?? string.Empty).Replace("`", "``", StringComparison.Ordinal) + "`";

    public static string QuoteString(string value)
    {
        var builder = new StringBuilder("'");
        foreach (var c in value ?? string.Empty)
        {
            switch (c)
            {
                case '\\': builder.Append(@"\\"); break;
                case '\'': builder.Append(@"\'"); break;
                case '\n': builder.Append(@"\n"); break;
                case '\r': builder.Append(@"\r"); break;
                case '\0': builder.Append(@"\0"); break;
                case '\u001a': builder.Append(@"\Z"); break;
                default: builder.Append(c); break;
            }
        }

        return builder.Append('\'').ToString();
    }
}
