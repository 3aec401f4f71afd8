using SegRestore.Br.State;
using SegRestore.Operator.TiFlash;

namespace SegRestore.Operator.Tests.TiFlash;

/// <summary>Which replicas get a statement, and that each statement is BR's form.</summary>
public sealed class TiFlashReplicaStatementsTests
{
    private static TiFlashReplicaItem Item(long id, string? database, string? table, ulong count, params string[] labels) =>
        new(id, database, table, count, labels, Available: false, AvailablePartitionIds: []);

    public static TheoryData<TiFlashReplicaItem, string> Statements => new()
    {
        { Item(1, "test", "t1", 2, "zone", "rack"), "ALTER TABLE `test`.`t1` SET TIFLASH REPLICA 2 LOCATION LABELS 'zone', 'rack'" },
        { Item(2, "test", "t2", 1), "ALTER TABLE `test`.`t2` SET TIFLASH REPLICA 1" },
        { Item(3, "we`ird", "t`3", 3), "ALTER TABLE `we``ird`.`t``3` SET TIFLASH REPLICA 3" },
        { Item(4, "db", "t", 1, "it's"), @"ALTER TABLE `db`.`t` SET TIFLASH REPLICA 1 LOCATION LABELS 'it\'s'" },
        { Item(5, "db", "t; DROP TABLE x", 1, "a\\b"), @"ALTER TABLE `db`.`t; DROP TABLE x` SET TIFLASH REPLICA 1 LOCATION LABELS 'a\\b'" },
    };

    [Theory]
    [MemberData(nameof(Statements))]
    public void A_named_replica_gets_BRs_statement(TiFlashReplicaItem item, string expected)
    {
        var plan = TiFlashReplicaStatements.Plan([item]);

        plan.Statements.Should().ContainSingle().Which.Should().Be(new TiFlashReplicaStatement(item, expected));
        plan.Statements[0].Sql.Should().Be(item.ResetSql, "the statement is the one BR would print for a DBA");
        plan.Unnamed.Should().BeEmpty();
    }

    public static TheoryData<TiFlashReplicaItem[], long[], long[]> Plans => new()
    {
        { [], [], [] },
        { [Item(1, "d", "t", 0)], [], [] },
        { [Item(1, null, "t", 0)], [], [] },
        { [Item(1, null, "t", 1)], [], [1] },
        { [Item(1, "d", null, 2)], [], [1] },
        { [Item(1, "d", "a", 1), Item(2, null, null, 1), Item(3, "d", "c", 0), Item(4, "d", "b", 2)], [1, 4], [2] },
    };

    [Theory]
    [MemberData(nameof(Plans))]
    public void Zero_counts_are_dropped_and_unnamed_replicas_are_set_apart(TiFlashReplicaItem[] items, long[] statements, long[] unnamed)
    {
        var plan = TiFlashReplicaStatements.Plan(items);

        plan.Statements.Select(s => s.Item.DownstreamTableId).Should().Equal(statements);
        plan.Unnamed.Select(i => i.DownstreamTableId).Should().Equal(unnamed);
    }

    [Fact]
    public void The_check_query_reads_information_schema_with_parameters_only()
    {
        TiFlashReplicaStatements.CheckQuery.Should().Be(
            "SELECT TABLE_SCHEMA, TABLE_NAME, REPLICA_COUNT, LOCATION_LABELS, AVAILABLE, PROGRESS FROM information_schema.tiflash_replica " +
            "WHERE TABLE_SCHEMA = @schema AND TABLE_NAME = @table");
    }
}
