using SegRestore.Br.State;

namespace SegRestore.Br.Tests.State;

public class TiFlashResetSqlTests
{
    [Theory]
    [InlineData("shop", "orders", 2UL, new string[0], "ALTER TABLE `shop`.`orders` SET TIFLASH REPLICA 2")]
    [InlineData("shop", "orders", 2UL, new[] { "zone", "host" }, "ALTER TABLE `shop`.`orders` SET TIFLASH REPLICA 2 LOCATION LABELS 'zone', 'host'")]
    [InlineData("we`ird", "ta``ble", 1UL, new[] { "rack's", "back\\slash" }, "ALTER TABLE `we``ird`.`ta````ble` SET TIFLASH REPLICA 1 LOCATION LABELS 'rack\\'s', 'back\\\\slash'")]
    [InlineData("db", "t", 0UL, new[] { "line\nbreak" }, "ALTER TABLE `db`.`t` SET TIFLASH REPLICA 0 LOCATION LABELS 'line\\nbreak'")]
    public void Statements_quote_names_and_labels_as_BR_does(string db, string table, ulong count, string[] labels, string expected) =>
        TiFlashResetSql.For(db, table, count, labels).Should().Be(expected);
}
