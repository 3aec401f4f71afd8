using System.Globalization;
using SegRestore.Br;
using SegRestore.Br.Errors;
using SegRestore.BrSim.Restore;

namespace SegRestore.BrSim.Tests;

/// <summary>BR's failure modes, each run as a real `br` process: BR's exact text, exit code 1, and the catalog's reading.</summary>
public sealed class FailureModeTests
{
    private static string Ts(ulong tso) => tso.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task Start_ts_with_full_backup_storage_is_refused()
    {
        using var world = new SimWorldFixture();
        var args = world.SegmentArgs(1).Concat(["--full-backup-storage", world.Manifest.FullBackupStorage]).ToArray();
        (await BrProcess.RunAsync(world.Env(), args))
            .ShouldFailWith("start-ts and full-backup-storage are mutually exclusive", BrFailureReason.InvalidArguments);
    }

    [Fact]
    public async Task Datetime_without_zone_is_refused()
    {
        using var world = new SimWorldFixture();
        var args = world.SegmentArgs(0);
        args[Array.IndexOf(args, "--restored-ts") + 1] = "2026-01-21 13:00:21";
        (await BrProcess.RunAsync(world.Env(), args)).ShouldFailWith(BrMessages.MustSetTimezone, BrFailureReason.InvalidTimestamp);
    }

    [Fact]
    public async Task Restored_ts_beyond_the_log_is_outside_the_window()
    {
        using var world = new SimWorldFixture();
        var args = world.SegmentArgs(0);
        args[Array.IndexOf(args, "--restored-ts") + 1] = Ts(world.Manifest.LogMaxTs + (1000UL << 18));
        var error = (await BrProcess.RunAsync(world.Env(), args))
            .ShouldFailWith("but the current existed log from", BrFailureReason.RangeOutsideLog);
        error.Should().StartWith("restore log from ").And.Contain(Ts(world.Manifest.LogMaxTs));
    }

    [Fact]
    public async Task A_later_segment_without_the_previous_state_finds_no_base_id_map()
    {
        using var world = new SimWorldFixture();
        (await BrProcess.RunAsync(world.Env(), world.SegmentArgs(1)))
            .ShouldFailWith("no base id map found from saved id or last restored PiTR", BrFailureReason.MissingPreviousState);
    }

    [Fact]
    public async Task A_wrong_start_ts_finds_no_base_id_map()
    {
        using var world = new SimWorldFixture();
        (await BrProcess.RunAsync(world.Env(), world.SegmentArgs(0))).ExitCode.Should().Be(0);
        var args = world.SegmentArgs(1);
        args[Array.IndexOf(args, "--start-ts") + 1] = Ts(world.Points[0] - 1);
        (await BrProcess.RunAsync(world.Env(), args))
            .ShouldFailWith("no base id map found from saved id or last restored PiTR", BrFailureReason.MissingPreviousState);
    }

    [Fact]
    public async Task A_tiflash_replica_added_between_segments_blocks_the_next_one()
    {
        using var world = new SimWorldFixture();
        (await BrProcess.RunAsync(world.Env(), world.SegmentArgs(0, withCheckpointStorage: false))).ExitCode.Should().Be(0);
        var set = await BrProcess.RunAsync(world.Env(), "brsim", "target", "--world", world.Directory, "set-tiflash", "wl_basic.t1", "1");
        set.ExitCode.Should().Be(0, set.Stderr);
        (await BrProcess.RunAsync(world.Env(), world.SegmentArgs(1, withCheckpointStorage: false)))
            .ShouldFailWith("exist table(s) have tiflash replica, please remove it before restore", BrFailureReason.TiFlashReplicaPresent);
    }

    [Fact]
    public async Task The_first_segment_needs_a_fresh_target()
    {
        using var world = new SimWorldFixture();
        (await BrProcess.RunAsync(world.Env(), "brsim", "target", "--world", world.Directory, "create-table", "app.users")).ExitCode.Should().Be(0);
        var error = (await BrProcess.RunAsync(world.Env(), world.SegmentArgs(0)))
            .ShouldFailWith("user db/tables: app", BrFailureReason.ClusterNotFresh);
        error.Should().Contain("ErrRestoreNotFreshCluster");
    }

    [Fact]
    public async Task A_changefeed_on_the_target_blocks_the_first_segment()
    {
        using var world = new SimWorldFixture();
        (await BrProcess.RunAsync(world.Env(), "brsim", "target", "--world", world.Directory, "add-changefeed", "cf-1")).ExitCode.Should().Be(0);
        (await BrProcess.RunAsync(world.Env(), world.SegmentArgs(0)))
            .ShouldFailWith("please remove changefeed(s) before restore", BrFailureReason.ChangefeedPresent);
    }

    [Fact]
    public async Task A_resumed_run_with_a_different_range_is_a_checkpoint_mismatch()
    {
        using var world = new SimWorldFixture();
        var killed = await BrProcess.RunAsync(world.Env(("BRSIM_KILL_AT", "log:50")), world.SegmentArgs(0));
        killed.ExitCode.Should().Be(137);
        var args = world.SegmentArgs(0);
        args[Array.IndexOf(args, "--restored-ts") + 1] = Ts(world.Points[1]);
        (await BrProcess.RunAsync(world.Env(), args))
            .ShouldFailWith("which is different from that from", BrFailureReason.CheckpointMismatch);
    }

    [Fact]
    public async Task A_state_of_an_unknown_version_is_refused()
    {
        using var world = new SimWorldFixture();
        (await BrProcess.RunAsync(world.Env(), world.SegmentArgs(0))).ExitCode.Should().Be(0);
        var path = Path.Combine(world.Directory, "checkpoint",
            FileSegmentStateStore.RelativePath(world.World.LoadTarget(world.Pd)!.ClusterId, world.Points[0]));
        var state = Br.Protos.SegmentedPiTRState.Parser.ParseFrom(File.ReadAllBytes(path));
        state.SegmentedPitrStateVer = 2;
        File.WriteAllBytes(path, Google.Protobuf.MessageExtensions.ToByteArray(state));
        (await BrProcess.RunAsync(world.Env(), world.SegmentArgs(1)))
            .ShouldFailWith("unsupported segmented pitr state version: 2", BrFailureReason.UnsupportedStateVersion);
    }

    [Fact]
    public async Task A_filter_that_includes_a_system_database_is_refused()
    {
        using var world = new SimWorldFixture();
        var args = world.SegmentArgs(0).Concat(["--filter", "*.*", "--filter", "!mysql.user"]).ToArray();
        (await BrProcess.RunAsync(world.Env(), args))
            .ShouldFailWith("PiTR doesn't support custom filter to include system db, consider to exclude system db", BrFailureReason.InvalidFilter);
    }

    [Fact]
    public async Task A_v1_non_final_segment_without_checkpointing_is_refused_after_the_snapshot_phase()
    {
        using var world = new SimWorldFixture();
        var args = world.SegmentArgs(0, "last", last: false).Append("--use-checkpoint=false").ToArray();
        var result = await BrProcess.RunAsync(world.Env(("BRSIM_DIALECT", "last")), args);

        result.ShouldFailWith(RestorePointRequestParser.CheckpointStorageRequired, BrFailureReason.CheckpointRequired);
        var events = BrOutput.ParseAllKnown(result.Stdout);
        events.OfType<Br.Output.FullRestoreSummaryEvent>().Should().ContainSingle("BR checks in restoreStream, after the snapshot restore");
        events.OfType<Br.Output.LogRestoreFailedEvent>().Should().ContainSingle();
    }

    [Fact]
    public async Task A_v2_non_final_segment_without_checkpointing_silently_keeps_its_state_in_the_target_table()
    {
        using var world = new SimWorldFixture();
        var args = world.SegmentArgs(0, last: false).Append("--use-checkpoint=false").ToArray();
        (await BrProcess.RunAsync(world.Env(), args)).ExitCode.Should().Be(0);

        var target = world.World.LoadTarget(world.Pd)!;
        target.PitrIdMap.Should().Contain(r => r.RestoredTs == world.Points[0], "the state went to mysql.tidb_pitr_id_map");
        File.Exists(Path.Combine(world.Directory, "checkpoint", FileSegmentStateStore.RelativePath(target.ClusterId, world.Points[0])))
            .Should().BeFalse("--checkpoint-storage is ignored for the state without --use-checkpoint");
    }

    [Fact]
    public async Task Two_restore_ids_for_the_start_ts_make_the_previous_state_ambiguous()
    {
        using var world = new SimWorldFixture();
        (await BrProcess.RunAsync(world.Env(), world.SegmentArgs(0, withCheckpointStorage: false))).ExitCode.Should().Be(0);
        var planted = await BrProcess.RunAsync(world.Env(), "brsim", "target", "--world", world.Directory, "duplicate-state", Ts(world.Points[0]));
        planted.ExitCode.Should().Be(0, planted.Stderr);
        (await BrProcess.RunAsync(world.Env(), world.SegmentArgs(1, withCheckpointStorage: false)))
            .ShouldFailWith($"multiple restore_id values found for restored_ts {world.Points[0]}", BrFailureReason.AmbiguousPreviousState);
    }

    [Fact]
    public async Task A_target_without_the_pitr_id_map_table_makes_a_table_mode_segment_impossible()
    {
        using var world = new SimWorldFixture();
        (await BrProcess.RunAsync(world.Env(), world.SegmentArgs(0, withCheckpointStorage: false))).ExitCode.Should().Be(0);
        (await BrProcess.RunAsync(world.Env(), "brsim", "target", "--world", world.Directory, "drop-pitr-id-map-table")).ExitCode.Should().Be(0);
        (await BrProcess.RunAsync(world.Env(), world.SegmentArgs(1, withCheckpointStorage: false)))
            .ShouldFailWith("segmented restore is impossible", BrFailureReason.PitrIdMapTableMissing);
    }

    [Theory]
    [InlineData("lost", "the part(segment_id = 0) of pitr id map is lost", BrFailureReason.PreviousStatePartLost)]
    [InlineData("empty", "get the empty part(segment_id = 0) of pitr id map", BrFailureReason.PreviousStatePartEmpty)]
    public async Task A_damaged_row_of_the_previous_state_is_refused_with_its_segment_id(string how, string text, BrFailureReason reason)
    {
        using var world = new SimWorldFixture();
        (await BrProcess.RunAsync(world.Env(), world.SegmentArgs(0, withCheckpointStorage: false))).ExitCode.Should().Be(0);
        var damaged = await BrProcess.RunAsync(world.Env(), "brsim", "target", "--world", world.Directory, "corrupt-state", Ts(world.Points[0]), how);
        damaged.ExitCode.Should().Be(0, damaged.Stderr);
        (await BrProcess.RunAsync(world.Env(), world.SegmentArgs(1, withCheckpointStorage: false))).ShouldFailWith(text, reason)
            .Should().Be(text);
    }

    [Fact]
    public async Task A_log_backup_task_without_storage_blocks_the_restore()
    {
        using var world = new SimWorldFixture();
        (await BrProcess.RunAsync(world.Env(), "brsim", "target", "--world", world.Directory, "add-log-task", "pitr-task")).ExitCode.Should().Be(0);
        (await BrProcess.RunAsync(world.Env(), world.SegmentArgs(0)))
            .ShouldFailWith("cannot save log restore table IDs blocklist file because the external storage backend of the task[pitr-task] is empty",
                BrFailureReason.LogTaskWithoutStorage);
    }

    [Fact]
    public async Task A_log_backup_task_with_its_storage_does_not_block_the_restore()
    {
        using var world = new SimWorldFixture();
        (await BrProcess.RunAsync(world.Env(), "brsim", "target", "--world", world.Directory, "add-log-task", "pitr-task", "s3://logs/task")).ExitCode.Should().Be(0);
        (await BrProcess.RunAsync(world.Env(), world.SegmentArgs(0))).ExitCode.Should().Be(0);
    }

    [Fact]
    public async Task A_full_backup_given_as_the_log_storage_is_the_wrong_storage()
    {
        using var world = new SimWorldFixture();
        var args = world.SegmentArgs(0);
        args[Array.IndexOf(args, "-s") + 1] = world.Manifest.FullBackupStorage;
        (await BrProcess.RunAsync(world.Env(), args))
            .ShouldFailWith("the storage has been used for full backup", BrFailureReason.WrongStorage);
    }

    [Fact]
    public async Task Full_and_log_backups_of_different_clusters_are_refused()
    {
        using var world = new SimWorldFixture();
        EditBackupMeta(world, "full", meta => meta.ClusterId++);
        (await BrProcess.RunAsync(world.Env(), world.SegmentArgs(0)))
            .ShouldFailWith("come from different cluster", BrFailureReason.BackupClusterMismatch);
    }

    [Fact]
    public async Task A_log_that_starts_after_the_full_backup_leaves_a_gap()
    {
        using var world = new SimWorldFixture();
        EditBackupMeta(world, "log", meta => meta.StartVersion = world.Manifest.FullBackupTs + 1);
        (await BrProcess.RunAsync(world.Env(), world.SegmentArgs(0)))
            .ShouldFailWith("it has gap between full backup ts", BrFailureReason.LogGap);
    }

    private static void EditBackupMeta(SimWorldFixture world, string backup, Action<Storage.BackupMeta> edit)
    {
        var path = Path.Combine(world.Directory, "backup", backup, Storage.StorageLocation.MetaFile);
        var meta = Model.JsonFiles.Read<Storage.BackupMeta>(path);
        edit(meta);
        Model.JsonFiles.Write(path, meta);
    }

    [Fact]
    public async Task A_br_without_segments_does_not_know_the_segment_flag()
    {
        using var world = new SimWorldFixture();
        var result = await BrProcess.RunAsync(world.Env(("BRSIM_DIALECT", "none")), world.SegmentArgs(0));
        result.ExitCode.Should().Be(1);
        result.Stdout.Should().Contain("unknown flag: --last-segment");
    }

    [Theory]
    [InlineData("--Pd=10.0.0.1:2379", "unknown flag: --Pd")]
    [InlineData("--restored_ts=1", "unknown flag: --restored_ts")]
    [InlineData("-cz", "unknown shorthand flag: 'z' in -z")]
    [InlineData("--checksum=maybe", "invalid argument \"maybe\" for \"--checksum\" flag: strconv.ParseBool: parsing \"maybe\": invalid syntax")]
    public async Task A_usage_error_is_printed_as_cobra_and_br_print_it_and_read_as_permanent(string extra, string error)
    {
        using var world = new SimWorldFixture();
        var result = await BrProcess.RunAsync(world.Env(), [.. world.SegmentArgs(0), extra]);

        result.ShouldFailWith(error, BrFailureReason.BrUsageError).Should().Be(error);
        result.Stderr.Should().Contain("Error: " + error);
        BrErrorCatalog.Classify(error, 1).Permanent.Should().BeTrue();
    }
}
