using Google.Protobuf;
using SegRestore.Br.Errors;
using SegRestore.Br.Protos;
using SegRestore.BrSim.Model;
using SegRestore.BrSim.Storage;
using SegRestore.Store.Model;
using SegRestore.Worker.Tests.Infrastructure;
using BackupMeta = SegRestore.BrSim.Storage.BackupMeta;
using JsonFiles = SegRestore.BrSim.Model.JsonFiles;

namespace SegRestore.Worker.Tests.Acceptance;

/// <summary>Each failure class the simulator can produce reaches the ledger with its catalog reason and remediation.</summary>
public sealed class FailureTests
{
    public static TheoryData<string> Scenarios() =>
    [
        nameof(BrFailureReason.InvalidArguments),
        nameof(BrFailureReason.InvalidTimestamp),
        nameof(BrFailureReason.RangeOutsideLog),
        nameof(BrFailureReason.MissingPreviousState),
        nameof(BrFailureReason.WrongStorage),
        nameof(BrFailureReason.BackupClusterMismatch),
        nameof(BrFailureReason.LogGap),
        nameof(BrFailureReason.ClusterNotFresh),
        nameof(BrFailureReason.ChangefeedPresent),
        nameof(BrFailureReason.BrError),
        nameof(BrFailureReason.TiFlashReplicaPresent),
        nameof(BrFailureReason.CheckpointMismatch),
        nameof(BrFailureReason.UnsupportedStateVersion),
        nameof(BrFailureReason.InvalidFilter),
        nameof(BrFailureReason.CheckpointRequired),
        nameof(BrFailureReason.AmbiguousPreviousState),
        nameof(BrFailureReason.BrUsageError),
        nameof(BrFailureReason.PitrIdMapTableMissing),
        nameof(BrFailureReason.PreviousStatePartLost),
        nameof(BrFailureReason.PreviousStatePartEmpty),
        nameof(BrFailureReason.LogTaskWithoutStorage),
    ];

    /// <summary>The failures that need an earlier segment restored first (run here with BR directly, in Table mode).</summary>
    private static readonly BrFailureReason[] LaterSegmentReasons =
    [
        BrFailureReason.MissingPreviousState,
        BrFailureReason.TiFlashReplicaPresent,
        BrFailureReason.UnsupportedStateVersion,
        BrFailureReason.AmbiguousPreviousState,
        BrFailureReason.PitrIdMapTableMissing,
        BrFailureReason.PreviousStatePartLost,
        BrFailureReason.PreviousStatePartEmpty,
    ];

    [Fact]
    public void Scenarios_cover_every_failure_reason_of_the_catalog()
    {
        ((IEnumerable<object[]>)Scenarios()).Select(row => (string)row[0]).Should().BeEquivalentTo(Enum.GetNames<BrFailureReason>());
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public async Task A_failure_is_reported_with_its_reason_and_remediation(string reasonName)
    {
        var reason = Enum.Parse<BrFailureReason>(reasonName);
        using var temp = new TempDir();
        var world = new TestWorld(temp.Path, points: 3);
        await using var reporter = await TestReporter.StartAsync(Path.Combine(temp.Path, "operator"), world);
        var segment = LaterSegmentReasons.Contains(reason) ? 1 : 0;
        var checkpointDir = WorkerEnvBuilder.NewCheckpointDir(world, segment, 1);
        var args = world.SegmentArgs(segment, checkpointDir);
        var extra = await ProvokeAsync(reason, world, args);
        var env = WorkerEnvBuilder.For(reporter, world, segment, 1, reporter.Grant(segment, 1), checkpointDir, args, extra: extra);

        using var worker = WorkerProcess.Start(env);
        var exit = await worker.WaitAsync();

        exit.Should().Be(1, "BR (or the worker's log-window check) fails with exit 1.\nstdout:\n{0}\nstderr:\n{1}", worker.Stdout, worker.Stderr);
        var attempt = (await reporter.SegmentAsync(segment)).Attempts.Should().ContainSingle().Subject;
        attempt.Outcome.Should().Be(AttemptOutcome.Failed, worker.Stdout);
        attempt.FailureReason.Should().Be(reasonName);
        var remediation = reason == BrFailureReason.BrError
            ? BrErrorCatalog.Classify("some transient error", 1).Remediation
            : BrErrorCatalog.Entries.Single(e => e.Reason == reason).Remediation;
        attempt.Message.Should().StartWith(remediation[..Math.Min(200, remediation.Length)]);
        if (reason == BrFailureReason.RangeOutsideLog)
        {
            File.ReadAllText(world.ArgvLog).Should().NotContain("--restored-ts", "the range is refused before any restore starts");
        }
    }

    /// <summary>Sets up the world or the argv so that BR fails with <paramref name="reason"/>; returns extra env.</summary>
    private static async Task<(string, string)[]> ProvokeAsync(BrFailureReason reason, TestWorld world, List<string> args)
    {
        switch (reason)
        {
            case BrFailureReason.InvalidArguments:
                args.AddRange(["--full-backup-storage", world.Manifest.FullBackupStorage, "--start-ts", TestWorld.Ts(world.Manifest.FullBackupTs)]);
                break;
            case BrFailureReason.InvalidTimestamp:
                args[args.IndexOf("--restored-ts") + 1] = "2026-01-21 13:00:21";
                break;
            case BrFailureReason.RangeOutsideLog:
                args[args.IndexOf("--restored-ts") + 1] = TestWorld.Ts(world.Manifest.LogMaxTs + (1UL << 30));
                break;
            case BrFailureReason.WrongStorage:
                args[args.IndexOf("-s") + 1] = world.Manifest.FullBackupStorage;
                break;
            case BrFailureReason.BackupClusterMismatch:
                EditBackupMeta(world, "full", meta => meta.ClusterId++);
                break;
            case BrFailureReason.LogGap:
                EditBackupMeta(world, "log", meta => meta.StartVersion = world.Manifest.FullBackupTs + 1);
                break;
            case BrFailureReason.ClusterNotFresh:
                await BrCommand.RunAsync(world, 0, [], "brsim", "target", "--world", world.WorldDirectory, "create-table", "app.users");
                break;
            case BrFailureReason.ChangefeedPresent:
                await BrCommand.RunAsync(world, 0, [], "brsim", "target", "--world", world.WorldDirectory, "add-changefeed", "cf-1");
                break;
            case BrFailureReason.BrError:
                return [("BRSIM_TRANSIENT_ERROR", "log:30")];
            case BrFailureReason.InvalidFilter:
                args.AddRange(["--filter", "*.*", "--filter", "!mysql.user"]);
                break;
            case BrFailureReason.TiFlashReplicaPresent:
                await RestoreFirstSegmentInTableModeAsync(world);
                await BrCommand.RunAsync(world, 0, [], "brsim", "target", "--world", world.WorldDirectory, "set-tiflash", "wl_basic.t1", "1");
                return TableMode(args);
            case BrFailureReason.UnsupportedStateVersion:
                await RestoreFirstSegmentInTableModeAsync(world);
                SetSavedStateVersion(world, world.Points[0], 2);
                return TableMode(args);
            case BrFailureReason.AmbiguousPreviousState:
                await RestoreFirstSegmentInTableModeAsync(world);
                await BrCommand.RunAsync(world, 0, [], "brsim", "target", "--world", world.WorldDirectory, "duplicate-state", TestWorld.Ts(world.Points[0]));
                return TableMode(args);
            case BrFailureReason.CheckpointMismatch:
                // A killed run leaves its checkpoint in the target; the worker's run asks for another range.
                await BrCommand.RunAsync(world, 137, [("BRSIM_KILL_AT", "log:50")], [.. TableModeArgs(world.SegmentArgs(0, "unused"))]);
                args[args.IndexOf("--restored-ts") + 1] = TestWorld.Ts(world.Points[1]);
                return TableMode(args);
            case BrFailureReason.BrUsageError:
                args.Add("--Pd=10.0.0.1:2379"); // BR's flags are case-sensitive: "unknown flag: --Pd".
                break;
            case BrFailureReason.PitrIdMapTableMissing:
                await RestoreFirstSegmentInTableModeAsync(world);
                await BrCommand.RunAsync(world, 0, [], "brsim", "target", "--world", world.WorldDirectory, "drop-pitr-id-map-table");
                return TableMode(args);
            case BrFailureReason.PreviousStatePartLost or BrFailureReason.PreviousStatePartEmpty:
                await RestoreFirstSegmentInTableModeAsync(world);
                await BrCommand.RunAsync(world, 0, [], "brsim", "target", "--world", world.WorldDirectory, "corrupt-state",
                    TestWorld.Ts(world.Points[0]), reason == BrFailureReason.PreviousStatePartLost ? "lost" : "empty");
                return TableMode(args);
            case BrFailureReason.LogTaskWithoutStorage:
                await BrCommand.RunAsync(world, 0, [], "brsim", "target", "--world", world.WorldDirectory, "add-log-task", "pitr-task");
                break;
            case BrFailureReason.CheckpointRequired:
                // The operator refuses --use-checkpoint in extraArgs; a hand-made argv still reaches V1's guard.
                args.Add("--use-checkpoint=false");
                return [("BRSIM_DIALECT", "last")];
        }

        return [];
    }

    /// <summary>Table mode: no --checkpoint-storage, BR keeps state and checkpoints in the target itself.</summary>
    private static (string, string)[] TableMode(List<string> args)
    {
        TableModeArgs(args);
        return [("SEGRESTORE_CHECKPOINT_MODE", "Table")];
    }

    private static List<string> TableModeArgs(List<string> args)
    {
        args.RemoveRange(args.IndexOf("--checkpoint-storage"), 2);
        return args;
    }

    private static Task RestoreFirstSegmentInTableModeAsync(TestWorld world) =>
        BrCommand.RunAsync(world, 0, [], [.. TableModeArgs(world.SegmentArgs(0, "unused"))]);

    /// <summary>Rewrites the state saved in mysql.tidb_pitr_id_map under <paramref name="restoredTs"/> with another version.</summary>
    private static void SetSavedStateVersion(TestWorld world, ulong restoredTs, ulong version)
    {
        var sim = new SimWorld(world.WorldDirectory);
        var target = sim.LoadTarget(world.Manifest.Targets[0])!;
        var rows = target.PitrIdMap.Where(r => r.RestoredTs == restoredTs).OrderBy(r => r.SegmentId).ToList();
        rows.Should().NotBeEmpty("the first segment saved its state in the target");
        var state = SegmentedPiTRState.Parser.ParseFrom(rows.SelectMany(r => r.IdMap).ToArray());
        state.SegmentedPitrStateVer = version;
        target.PitrIdMap.RemoveAll(r => r.RestoredTs == restoredTs);
        rows[0].SegmentId = 0;
        rows[0].IdMap = state.ToByteArray();
        target.PitrIdMap.Add(rows[0]);
        sim.SaveTarget(target);
    }

    private static void EditBackupMeta(TestWorld world, string backup, Action<BackupMeta> edit)
    {
        var path = Path.Combine(world.WorldDirectory, "backup", backup, StorageLocation.MetaFile);
        var meta = JsonFiles.Read<BackupMeta>(path);
        edit(meta);
        JsonFiles.Write(path, meta);
    }
}
