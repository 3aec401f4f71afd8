using SegRestore.Br.Errors;

namespace SegRestore.Br.Tests.Errors;

public class BrErrorCatalogTests
{
    /// <summary>Error texts as BR prints them in `["br failed"] [error="..."]`, one or more per catalog row.</summary>
    public static TheoryData<string, BrFailureReason> Rows => new()
    {
        { "start-ts and full-backup-storage are mutually exclusive: [BR:Common:ErrInvalidArgument]invalid argument", BrFailureReason.InvalidArguments },
        { "restore log from 463737559449600007(2026-01-22 02:00:00 +0800 CST) to 463737559449600009(2026-01-22 02:00:00 +0800 CST),  but the current existed log from 463735514726400005(2026-01-21 23:50:00 +0800 CST) to 463737559449600007(2026-01-22 02:00:00 +0800 CST): [BR:Common:ErrInvalidArgument]invalid argument", BrFailureReason.RangeOutsideLog },
        { "the full snapshot(from cluster ID:7318912361258412345) and log(from cluster ID:7318912361258499999) come from different cluster.: [BR:Common:ErrInvalidArgument]invalid argument", BrFailureReason.BackupClusterMismatch },
        { "it has gap between full backup ts:463735672012800003(2026-01-22 00:00:00 +0800 CST) and log backup ts:463735830000000000(2026-01-22 00:10:02 +0800 CST). : [BR:Common:ErrInvalidArgument]invalid argument", BrFailureReason.LogGap },
        { "the storage has been used for full backup: [BR:Stream:ErrStreamLogTaskExist]stream task already exists", BrFailureReason.WrongStorage },
        { "PiTR doesn't support custom filter to include system db, consider to exclude the following system db: mysql: [BR:Common:ErrInvalidArgument]invalid argument", BrFailureReason.InvalidFilter },
        { "no base id map found from saved id or last restored PiTR: [BR:Common:ErrInvalidArgument]invalid argument", BrFailureReason.MissingPreviousState },
        { "segmented log restore requires checkpoint storage: [BR:Common:ErrInvalidArgument]invalid argument", BrFailureReason.CheckpointRequired },
        { "segmented log restore requires checkpoint storage (table or external), enable checkpoint or configure --checkpoint-storage: [BR:Common:ErrInvalidArgument]invalid argument", BrFailureReason.CheckpointRequired },
        { "multiple restore_id values found for restored_ts 463736143872000000: [BR:Common:ErrInvalidArgument]invalid argument", BrFailureReason.AmbiguousPreviousState },
        { "unsupported segmented pitr state version: 2", BrFailureReason.UnsupportedStateVersion },
        { "exist table(s) have tiflash replica, please remove it before restore: [BR:Restore:ErrTiFlashReplicaPresent]", BrFailureReason.TiFlashReplicaPresent },
        { "the upstream cluster id[7318912361258412345] of the current restore does not match that[7318912361258499999] recorded in checkpoint. Perhaps you should specify the last full backup storage instead, or just clean the checkpoint database[__TiDB_BR_Temporary_Log_Restore_Checkpoint] if the cluster has been cleaned up.: [BR:Common:ErrInvalidArgument]invalid argument", BrFailureReason.CheckpointMismatch },
        { "The current PiTR want to restore cluster from 463736143872000000 to 463736851660800000, which is different from that from 463735672012800003 to 463736143872000000 recorded in checkpoint.: [BR:Common:ErrInvalidArgument]invalid argument", BrFailureReason.CheckpointMismatch },
        { "the target cluster is not fresh, cannot restore: [BR:Restore:ErrRestoreNotFreshCluster]", BrFailureReason.ClusterNotFresh },
        { "user db/tables: shop.orders, shop.order_items exist in the target cluster: [BR:Restore:ErrRestoreNotFreshCluster]", BrFailureReason.ClusterNotFresh },
        { "found CDC changefeed(s): cluster/namespace: default/default changefeed(s): [orders-sync], please remove changefeed(s) before restore", BrFailureReason.ChangefeedPresent },
        { "must set timezone when using datetime format ts, e.g. '2018-05-11 01:42:23+0800'", BrFailureReason.InvalidTimestamp },
        { "segmented restore is impossible: [BR:PiTR:ErrPiTRIDMapTableNotFound]", BrFailureReason.PitrIdMapTableMissing },
        { "the part(segment_id = 1) of pitr id map is lost", BrFailureReason.PreviousStatePartLost },
        { "get the empty part(segment_id = 0) of pitr id map", BrFailureReason.PreviousStatePartEmpty },
        { "cannot save log restore table IDs blocklist file because the external storage backend of the task[pitr-task] is empty: [BR:Stream:ErrStreamLogTaskHasNoStorage]stream task has no storage", BrFailureReason.LogTaskWithoutStorage },
        // cobra/pflag usage errors, worded as spf13/pflag errors.go/flag.go and spf13/cobra args.go/command.go print them.
        { "unknown flag: --PD", BrFailureReason.BrUsageError },
        { "unknown shorthand flag: 'x' in -x", BrFailureReason.BrUsageError },
        { "unknown shorthand flag: 'z' in -zu=pd:2379", BrFailureReason.BrUsageError },
        { "invalid argument \"maybe\" for \"--last-segment\" flag: strconv.ParseBool: parsing \"maybe\": invalid syntax", BrFailureReason.BrUsageError },
        { "invalid argument \"x\" for \"-c, --send-credentials-to-tikv\" flag: strconv.ParseBool: parsing \"x\": invalid syntax", BrFailureReason.BrUsageError },
        { "flag needs an argument: --pd", BrFailureReason.BrUsageError },
        { "flag needs an argument: 'u' in -u", BrFailureReason.BrUsageError },
        { "bad flag syntax: ---pd", BrFailureReason.BrUsageError },
        { "required flag(s) \"db\", \"table\" not set", BrFailureReason.BrUsageError },
        { "unknown command \"x\" for \"br restore point\"", BrFailureReason.BrUsageError },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void Each_catalog_row_is_recognized_as_permanent_with_a_remediation(string error, BrFailureReason reason)
    {
        var failure = BrErrorCatalog.Classify(error, exitCode: 1);

        failure.Reason.Should().Be(reason);
        failure.Permanent.Should().BeTrue();
        failure.Remediation.Should().NotBeNullOrWhiteSpace();
        failure.ErrorText.Should().Be(error);
    }

    [Fact]
    public void Every_reason_in_the_catalog_has_a_row_in_the_table_tests()
    {
        var tested = Rows.Select(r => (BrFailureReason)r[1]).ToHashSet();

        BrErrorCatalog.Entries.Select(e => e.Reason).Should().OnlyContain(r => tested.Contains(r));
        Enum.GetValues<BrFailureReason>().Except([BrFailureReason.BrError]).Should().BeSubsetOf(tested);
    }

    [Theory]
    [InlineData("rpc error: code = Unavailable desc = connection refused")]
    [InlineData("[BR:KV:ErrKVEpochNotMatch]epoch not match")]
    [InlineData("context deadline exceeded")]
    [InlineData("")]
    public void Anything_else_is_a_retryable_br_error(string error)
    {
        var failure = BrErrorCatalog.Classify(error, exitCode: 1);

        failure.Reason.Should().Be(BrFailureReason.BrError);
        failure.Retryable.Should().BeTrue();
        failure.Remediation.Should().Contain("retried");
    }

    [Fact]
    public void A_usage_error_is_permanent_and_says_to_recreate_the_segment_with_corrected_extra_args()
    {
        var failure = BrErrorCatalog.Classify("unknown flag: --Pd", exitCode: 1);

        failure.Reason.Should().Be(BrFailureReason.BrUsageError);
        failure.Permanent.Should().BeTrue();
        failure.Remediation.Should().Contain("spec.br.extraArgs").And.Contain("delete the PointRestoreSegment and re-create it")
            .And.Contain("case-sensitive");
    }

    [Theory]
    [InlineData("start-ts and full-backup-storage are mutually exclusive: [BR:Common:ErrInvalidArgument]invalid argument", BrFailureReason.InvalidArguments)]
    [InlineData("invalid crypter method 'x': [BR:Common:ErrInvalidArgument]invalid argument", BrFailureReason.BrError)]
    public void Br_own_invalid_argument_errors_are_not_usage_errors(string error, BrFailureReason reason)
    {
        BrErrorCatalog.Classify(error, exitCode: 1).Reason.Should().Be(reason);
    }

    [Fact]
    public void Exit_137_is_a_retryable_kill_pointing_at_memory_limits()
    {
        var failure = BrErrorCatalog.Classify(null, BrErrorCatalog.KilledExitCode);

        failure.Reason.Should().Be(BrFailureReason.BrError);
        failure.Retryable.Should().BeTrue();
        failure.Remediation.Should().Contain("memory").And.Contain("spec.worker.resources.limits.memory");
    }

    [Fact]
    public void Matching_ignores_case()
    {
        BrErrorCatalog.Classify("Please Remove Changefeed(s) Before Restore").Reason.Should().Be(BrFailureReason.ChangefeedPresent);
    }

    [Fact]
    public void The_unsupported_version_text_is_the_one_the_decoder_produces()
    {
        BrErrorCatalog.Classify(BrMessages.UnsupportedSegmentedStateVersion(7)).Reason.Should().Be(BrFailureReason.UnsupportedStateVersion);
    }

    [Fact]
    public void The_missing_state_remedy_names_the_upstream_table_mode_defect_and_its_work_around()
    {
        var failure = BrErrorCatalog.Classify("no base id map found from saved id or last restored PiTR: [BR:Common:ErrInvalidArgument]invalid argument", 1);

        failure.Remediation.Should().Contain("pingcap/tidb issue 65911").And.Contain("restore_id")
            .And.Contain("Managed").And.Contain("External");
    }

    [Theory]
    [InlineData(BrFailureReason.PitrIdMapTableMissing, "spec.checkpoint.mode Managed")]
    [InlineData(BrFailureReason.PreviousStatePartLost, "recreate the chain from segment 0")]
    [InlineData(BrFailureReason.PreviousStatePartEmpty, "recreate the chain from segment 0")]
    [InlineData(BrFailureReason.LogTaskWithoutStorage, "br log stop --task-name")]
    public void The_permanent_state_errors_have_a_remedy_a_user_can_take(BrFailureReason reason, string step)
    {
        var entry = BrErrorCatalog.Entries.Single(e => e.Reason == reason);

        entry.Permanent.Should().BeTrue();
        entry.Remediation.Should().Contain(step);
    }

    [Fact]
    public void The_checkpoint_required_remedy_names_every_checkpoint_mode_and_the_flag_to_remove()
    {
        var remedy = BrErrorCatalog.Entries.Single(e => e.Reason == BrFailureReason.CheckpointRequired).Remediation;

        remedy.Should().Contain("Table").And.Contain("Managed").And.Contain("External").And.Contain("--use-checkpoint");
    }
}
