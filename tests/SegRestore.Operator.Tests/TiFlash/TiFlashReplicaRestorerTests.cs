using System.Net.Sockets;
using SegRestore.Br.State;
using SegRestore.Operator.TiFlash;

namespace SegRestore.Operator.Tests.TiFlash;

/// <summary>One restore attempt against a TiDB stand-in, and the reconciler's retries on the schedule.</summary>
public sealed class TiFlashReplicaRestorerTests
{
    private const string Password = "pw-never-shown";
    private static readonly TidbSqlTarget Target = new("tidb", 4000, "restorer", Password);
    private const string NotReady = "the tiflash replica count: 2 should be less than the total tiflash server count: 1";

    private static readonly TiFlashReplicaItem T1 = new(11, "test", "t1", 2, ["zone", "rack"], false, []);
    private static readonly TiFlashReplicaItem T2 = new(12, "test", "t2", 1, [], false, []);
    private static readonly TiFlashReplicaItem NoReplica = new(13, "test", "t3", 0, [], false, []);
    private static readonly TiFlashReplicaItem Unnamed = new(14, null, null, 1, [], false, []);
    private static readonly TiFlashReplicaItem[] All = [T1, T2, NoReplica, Unnamed];

    // Sets a row exactly as recorded for each ALTER the fake sees.
    private static FakeTidbSqlSession Tidb()
    {
        var tidb = new FakeTidbSqlSession();
        tidb.ShowWhatIsSet = sql => All.FirstOrDefault(i => i.ResetSql == sql) is { Database: { } db, Table: { } table } item
            ? new TiFlashReplicaRow(db, table, item.Count, string.Join(",", item.LocationLabels), false)
            : null;
        return tidb;
    }

    [Fact]
    public async Task Each_named_replica_is_set_with_BRs_statement_and_read_back()
    {
        var tidb = Tidb();

        var result = await new TiFlashReplicaRestorer(tidb).RestoreAsync(Target, All, default);

        tidb.Executed.Should().Equal(
            "ALTER TABLE `test`.`t1` SET TIFLASH REPLICA 2 LOCATION LABELS 'zone', 'rack'",
            "ALTER TABLE `test`.`t2` SET TIFLASH REPLICA 1");
        result.Should().BeEquivalentTo(new { Restored = true, Reason = TiFlashSqlReasons.Restored, Retryable = false, Applied = 2 });
        result.Unapplied.Should().Equal(Unnamed);
        result.Message.Should().Contain("left for a DBA").And.Contain("14");
        tidb.Disposed.Should().Be(1);
    }

    [Fact]
    public async Task Nothing_to_set_opens_no_session()
    {
        var tidb = Tidb();

        var result = await new TiFlashReplicaRestorer(tidb).RestoreAsync(Target, [NoReplica, Unnamed], default);

        tidb.Opened.Should().Be(0);
        result.Restored.Should().BeTrue();
        result.Unapplied.Should().Equal(Unnamed);
    }

    public static TheoryData<string, Action<FakeTidbSqlSession>, string, bool, int, long[]> Failures => new()
    {
        { "open refused", t => t.FailOpen = new SocketException((int)SocketError.ConnectionRefused), TiFlashSqlReasons.SqlUnreachable, true, 0, [11, 12, 14] },
        { "open times out", t => t.FailOpen = new TimeoutException(), TiFlashSqlReasons.SqlTimeout, true, 0, [11, 12, 14] },
        { "first ALTER: not enough TiFlash", t => t.FailNext.Enqueue(new InvalidOperationException(NotReady)), TiFlashSqlReasons.TiFlashNotReady, true, 0, [11, 12, 14] },
        { "second ALTER: connection lost", t => { t.FailNext.Enqueue(null); t.FailNext.Enqueue(new IOException("connection reset")); }, TiFlashSqlReasons.SqlUnreachable, true, 1, [12, 14] },
        { "second ALTER: other error", t => { t.FailNext.Enqueue(null); t.FailNext.Enqueue(new InvalidOperationException("boom " + Password)); }, TiFlashSqlReasons.SqlFailed, false, 1, [12, 14] },
        { "a row not visible", t => t.ShowWhatIsSet = sql => sql.Contains("`t1`", StringComparison.Ordinal) ? new("test", "t1", 2, "zone,rack", false) : null, TiFlashSqlReasons.ReplicasNotVisible, true, 2, [12, 14] },
        { "a count differs", t => t.ShowWhatIsSet = sql => sql.Contains("`t1`", StringComparison.Ordinal) ? new("test", "t1", 3, "zone,rack", false) : new("test", "t2", 1, "", true), TiFlashSqlReasons.ReplicasDiffer, false, 2, [11, 14] },
        { "labels differ, another missing", t => t.ShowWhatIsSet = sql => sql.Contains("`t1`", StringComparison.Ordinal) ? new("test", "t1", 2, "rack,zone", false) : null, TiFlashSqlReasons.ReplicasDiffer, false, 2, [11, 12, 14] },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task A_failed_attempt_says_why_whether_to_retry_and_what_is_left(
        string name, Action<FakeTidbSqlSession> arrange, string reason, bool retryable, int applied, long[] unapplied)
    {
        var tidb = Tidb();
        arrange(tidb);

        var result = await new TiFlashReplicaRestorer(tidb).RestoreAsync(Target, All, default);

        result.Should().BeEquivalentTo(new { Restored = false, Reason = reason, Retryable = retryable, Applied = applied }, name);
        result.Unapplied.Select(i => i.DownstreamTableId).Should().Equal(unapplied);
        result.Message.Should().NotContain(Password).And.Contain("tidb:4000");
        tidb.Disposed.Should().Be(tidb.FailOpen is null ? 1 : 0);
    }

    [Fact]
    public async Task The_reconciler_retries_TiFlash_not_ready_on_the_schedule_until_it_succeeds()
    {
        var tidb = Tidb();
        tidb.FailNext.Enqueue(new InvalidOperationException(NotReady));
        tidb.FailNext.Enqueue(new InvalidOperationException(NotReady));
        var restorer = new TiFlashReplicaRestorer(tidb);
        var start = new DateTimeOffset(2025, 6, 1, 0, 0, 0, TimeSpan.Zero);
        var now = start;
        var waits = new List<TimeSpan>();

        TiFlashRestoreResult result;
        for (var attempt = 1; ; attempt++)
        {
            result = await restorer.RestoreAsync(Target, All, default);
            if (!result.Retryable || TiFlashRetrySchedule.ShouldGiveUp(start, now))
            {
                break;
            }

            result.Reason.Should().Be(TiFlashSqlReasons.TiFlashNotReady);
            waits.Add(TiFlashRetrySchedule.NextDelay(attempt));
            now += waits[^1];
        }

        result.Restored.Should().BeTrue();
        waits.Should().Equal(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10));
        tidb.Opened.Should().Be(3);
        tidb.Executed.Should().HaveCount(2, "the failed ALTERs did not take");
    }

    [Fact]
    public async Task The_same_attempt_runs_on_a_session_the_caller_holds()
    {
        var tidb = Tidb();

        var result = await TiFlashReplicaRestorer.RestoreAsync(tidb, Target, [T2], default);

        result.Restored.Should().BeTrue();
        result.Applied.Should().Be(1);
        tidb.Disposed.Should().Be(0, "the caller owns the session");
    }

    [Fact]
    public async Task The_callers_cancellation_is_thrown_not_reported()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        var act = () => new TiFlashReplicaRestorer(Tidb()).RestoreAsync(Target, All, cancelled.Token);

        await act.Should().ThrowAsync<OperationCanceledException>();
    }

    [Fact]
    public async Task A_cancellation_that_is_not_the_callers_is_a_timeout()
    {
        var tidb = Tidb();
        tidb.FailNext.Enqueue(new TaskCanceledException("timed out inside the driver"));

        var result = await new TiFlashReplicaRestorer(tidb).RestoreAsync(Target, All, default);

        result.Reason.Should().Be(TiFlashSqlReasons.SqlTimeout);
        result.Retryable.Should().BeTrue();
    }
}
