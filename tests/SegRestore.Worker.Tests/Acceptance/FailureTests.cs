using SegRestore.Br.Errors;
using SegRestore.BrSim.Storage;
using SegRestore.Store.Model;
using SegRestore.Worker.Tests.Infrastructure;
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
    ];

    [Theory]
    [MemberData(nameof(Scenarios))]
    public async Task A_failure_is_reported_with_its_reason_and_remediation(string reasonName)
    {
        var reason = Enum.Parse<BrFailureReason>(reasonName);
        using var temp = new TempDir();
        var world = new TestWorld(temp.Path, points: 3);
        await using var reporter = await TestReporter.StartAsync(Path.Combine(temp.Path, "operator"), world);
        var segment = reason == BrFailureReason.MissingPreviousState ? 1 : 0;
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
                await RunBrAsync(world, "brsim", "target", "--world", world.WorldDirectory, "create-table", "app.users");
                break;
            case BrFailureReason.ChangefeedPresent:
                await RunBrAsync(world, "brsim", "target", "--world", world.WorldDirectory, "add-changefeed", "cf-1");
                break;
            case BrFailureReason.BrError:
                return [("BRSIM_TRANSIENT_ERROR", "log:30")];
        }

        return [];
    }

    private static void EditBackupMeta(TestWorld world, string backup, Action<BackupMeta> edit)
    {
        var path = Path.Combine(world.WorldDirectory, "backup", backup, StorageLocation.MetaFile);
        var meta = JsonFiles.Read<BackupMeta>(path);
        edit(meta);
        JsonFiles.Write(path, meta);
    }

    private static async Task RunBrAsync(TestWorld world, params string[] args)
    {
        var start = new System.Diagnostics.ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "br.dll"));
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        start.Environment["BRSIM_WORLD"] = world.WorldDirectory;
        using var process = System.Diagnostics.Process.Start(start)!;
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        process.ExitCode.Should().Be(0, "brsim {0} should succeed", string.Join(' ', args));
    }
}
