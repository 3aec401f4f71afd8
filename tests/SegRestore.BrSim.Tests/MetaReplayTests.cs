using System.Globalization;
using SegRestore.BrSim.Restore;
using SegRestore.BrSim.Storage;

namespace SegRestore.BrSim.Tests;

/// <summary>
/// Replaying a segment's meta KVs after a kill: the id maps are built and saved before the first meta KV is written,
/// so a resumed run writes the same downstream ids again and the target matches the upstream (chaos finding E).
/// </summary>
public sealed class MetaReplayTests
{
    // Two segments wider than one workload round: the full backup to cp[2] holds CREATE, RENAME, CREATE and TRUNCATE;
    // cp[2] to cp[4] holds DROP and CREATE.
    private static readonly int[] SegmentEnds = [2, 4];

    public static TheoryData<bool, int, int> KillPoints()
    {
        using var world = new SimWorldFixture();
        var data = new TheoryData<bool, int, int>();
        foreach (var checkpointStorage in new[] { false, true })
        {
            for (var segment = 0; segment < SegmentEnds.Length; segment++)
            {
                for (var index = 1; index <= MetaCount(world, segment); index++)
                {
                    data.Add(checkpointStorage, segment, index);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(KillPoints))]
    public async Task A_kill_after_any_meta_kv_resumes_to_a_target_that_matches_the_upstream(bool checkpointStorage, int segment, int metaIndex)
    {
        using var world = new SimWorldFixture();
        await RestoreSegmentsBeforeAsync(world, segment, checkpointStorage);
        var args = Args(world, segment, checkpointStorage);

        // Meta KV k of n is written when the step reaches k/n; half a KV earlier fires right after it.
        var percent = (metaIndex - 0.5) * 100 / MetaCount(world, segment);
        var kill = world.Env(("BRSIM_KILL_AT", string.Create(CultureInfo.InvariantCulture, $"meta:{percent}")));
        var killed = await BrProcess.RunAsync(kill, args);
        killed.ExitCode.Should().Be(137, killed.Stdout + killed.Stderr);

        var resumed = await BrProcess.RunAsync(world.Env(), args);
        resumed.ExitCode.Should().Be(0, resumed.Stdout + resumed.Stderr);
        await FinishAndVerifyAsync(world, segment, checkpointStorage);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public async Task A_resume_from_the_checkpoint_saved_with_the_id_maps_matches_the_upstream_although_the_target_went_further(int segment)
    {
        // What a ledger holds when its sync trailed BR: the checkpoint storage as it was right after the id-map save,
        // while the target already has every meta KV and part of the files.
        using var world = new SimWorldFixture();
        await RestoreSegmentsBeforeAsync(world, segment, checkpointStorage: true);
        var args = Args(world, segment, checkpointStorage: true);
        var checkpoint = Path.Combine(world.Directory, "checkpoint");
        var copy = Path.Combine(world.Directory, "checkpoint-after-id-map-save");

        (await BrProcess.RunAsync(world.Env(("BRSIM_KILL_AT", LogRestorer.IdMapStep + ":0")), args)).ExitCode.Should().Be(137);
        TestDirectories.Copy(checkpoint, copy);
        (await BrProcess.RunAsync(world.Env(("BRSIM_KILL_AT", "log:50")), args)).ExitCode.Should().Be(137);

        Directory.Delete(checkpoint, recursive: true);
        TestDirectories.Copy(copy, checkpoint);
        var resumed = await BrProcess.RunAsync(world.Env(), args);
        resumed.ExitCode.Should().Be(0, resumed.Stdout + resumed.Stderr);
        await FinishAndVerifyAsync(world, segment, checkpointStorage: true);
    }

    private static async Task RestoreSegmentsBeforeAsync(SimWorldFixture world, int segment, bool checkpointStorage)
    {
        for (var s = 0; s < segment; s++)
        {
            var result = await BrProcess.RunAsync(world.Env(), Args(world, s, checkpointStorage));
            result.ExitCode.Should().Be(0, result.Stdout + result.Stderr);
        }
    }

    /// <summary>Restores the segments after this one, then verifies: the last segment repairs indexes and TiFlash.</summary>
    private static async Task FinishAndVerifyAsync(SimWorldFixture world, int segment, bool checkpointStorage)
    {
        for (var s = segment + 1; s < SegmentEnds.Length; s++)
        {
            var result = await BrProcess.RunAsync(world.Env(), Args(world, s, checkpointStorage));
            result.ExitCode.Should().Be(0, result.Stdout + result.Stderr);
        }

        var at = world.Points[SegmentEnds[^1]].ToString(CultureInfo.InvariantCulture);
        var verify = await BrProcess.RunAsync(world.Env(), "brsim", "verify", "--world", world.Directory, "--at", at);
        verify.ExitCode.Should().Be(0, verify.Stdout + verify.Stderr);
    }

    private static int MetaCount(SimWorldFixture world, int segment)
    {
        var log = new BackupReader(new StorageResolver(world.Directory, _ => null)).ReadLog(world.Manifest.LogBackupStorage);
        var start = segment == 0 ? world.Manifest.FullBackupTs : world.Points[SegmentEnds[segment - 1]];
        return LogRestorer.InRange(log.Events, start, world.Points[SegmentEnds[segment]]).Count(e => e.IsMeta);
    }

    private static string[] Args(SimWorldFixture world, int segment, bool checkpointStorage)
    {
        var restoredTs = world.Points[SegmentEnds[segment]].ToString(CultureInfo.InvariantCulture);
        var args = new List<string> { "restore", "point", "--pd", world.Pd, "-s", world.Manifest.LogBackupStorage, "--restored-ts", restoredTs };
        args.AddRange(segment == 0
            ? ["--full-backup-storage", world.Manifest.FullBackupStorage]
            : ["--start-ts", world.Points[SegmentEnds[segment - 1]].ToString(CultureInfo.InvariantCulture)]);
        args.Add($"--last-segment={(segment == SegmentEnds.Length - 1 ? "true" : "false")}");
        if (checkpointStorage)
        {
            args.AddRange(["--checkpoint-storage", world.CheckpointUrl]);
        }

        return [.. args];
    }
}
