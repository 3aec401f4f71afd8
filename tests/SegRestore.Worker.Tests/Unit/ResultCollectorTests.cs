using SegRestore.Br.Output;
using SegRestore.Reporter.Contract.Protos;
using SegRestore.Worker.Running;

namespace SegRestore.Worker.Tests.Unit;

public sealed class ResultCollectorTests
{
    private const string FullFailed =
        "[2026/01/22 00:45:01.002 +08:00] [INFO] [collector.go:77] [\"Full Restore failed summary\"] [total-ranges=10] [ranges-succeed=4] [ranges-failed=1] " +
        "[unit-name=wl_basic.t1] [error=\"user db/tables: app.users: [BR:Restore:ErrRestoreNotFreshCluster]target cluster is not fresh\"]\n";

    [Fact]
    public void A_full_restore_failed_summary_without_a_br_failed_line_gives_the_failure_its_reason()
    {
        var report = Collect(FullFailed, exitCode: 1);

        report.Succeeded.Should().BeFalse();
        report.FailureReason.Should().Be("ClusterNotFresh");
        report.ErrorExcerpt.Should().Contain("Full Restore failed summary");
    }

    [Fact]
    public void The_br_failed_line_wins_over_the_full_restore_failed_summary()
    {
        var report = Collect(FullFailed + "[2026/01/22 00:45:01.003 +08:00] [ERROR] [main.go:58] [\"br failed\"] [error=\"context deadline exceeded\"]\n", exitCode: 1);

        report.FailureReason.Should().Be("BrError");
    }

    private static ResultReport Collect(string output, int exitCode)
    {
        var collector = new ResultCollector(text => text);
        var parser = new BrOutputParser();
        foreach (var e in parser.Push(output).Concat(parser.Complete()))
        {
            collector.Observe(e);
        }

        return collector.Build(new AttemptRef { SegmentUid = "u", Attempt = 1 }, exitCode);
    }
}
