using SegRestore.BrSim.Model;
using SegRestore.BrSim.Verify;

namespace SegRestore.BrSim.Tests.Unit;

public sealed class ClusterVerifierTests
{
    private static ClusterData Cluster(long dbId, long tableId, Action<TableInfo>? change = null)
    {
        var table = new TableInfo { Id = tableId, DbId = dbId, Name = "t", Workload = "AddIndex", Indexes = [new IndexInfo { Id = 1, Name = "idx" }] };
        table.Rows["k1"] = "v1";
        table.Rows["k2"] = "v2";
        change?.Invoke(table);
        var data = new ClusterData();
        data.Databases[dbId] = new DatabaseInfo { Id = dbId, Name = "db" };
        data.Tables[tableId] = table;
        return data;
    }

    public static TheoryData<Action<TableInfo>, string> Differences => new()
    {
        { t => t.StaleIndexKvs = 2, "AddIndex: Total_kvs mismatch: got 6 want 4 (table db.t)" },
        { t => t.Rows["k1"] = "other", "AddIndex: Checksum_crc64_xor mismatch" },
        { t => t.Indexes[0].Built = false, "AddIndex: Indexes mismatch: got  want idx (table db.t)" },
        { t => t.TiFlash = new TiFlashReplica { Count = 1 }, "AddIndex: TiFlash_replica mismatch: got 1 want 0 (table db.t)" },
    };

    [Theory]
    [MemberData(nameof(Differences))]
    public void Reports_each_difference_in_the_verifier_wording(Action<TableInfo> change, string message)
    {
        var differences = ClusterVerifier.Compare(Cluster(1, 100), Cluster(900, 9000, change));
        differences.Select(d => d.ToString()).Should().Contain(s => s.StartsWith(message, StringComparison.Ordinal));
    }

    [Fact]
    public void Reports_two_target_tables_under_one_name_as_a_duplicate_and_compares_the_first()
    {
        var actual = Cluster(900, 9000);
        var again = actual.Tables[9000].Clone();
        again.Id = 9005;
        actual.Tables[again.Id] = again;
        ClusterVerifier.Compare(Cluster(1, 100), actual).Select(d => d.ToString()).Should().Equal(
            "AddIndex: duplicate table name: 2 tables in the target (ids 9000, 9005) (table db.t)");
    }

    [Fact]
    public void Matches_tables_by_name_whatever_their_ids() =>
        ClusterVerifier.Compare(Cluster(1, 100), Cluster(900, 9000)).Should().BeEmpty();
}
