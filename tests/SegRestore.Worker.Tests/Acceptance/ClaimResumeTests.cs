using System.Security.Cryptography;
using System.Text.RegularExpressions;
using SegRestore.Store.Model;
using SegRestore.Worker.Tests.Infrastructure;

namespace SegRestore.Worker.Tests.Acceptance;

/// <summary>
/// The checkpoint directory on the chain's PersistentVolumeClaim (<c>SEGRESTORE_CHECKPOINT_VOLUME=claim</c>, chaos
/// finding E): what BR saved survives a killed pod even when no sync reached the ledger, and the next attempt resumes
/// from it; a directory whose marker does not match the ledger is rebuilt from the ledger.
/// </summary>
public sealed partial class ClaimResumeTests
{
    private const string Marker = ".segrestore-sync";

    [Fact]
    public async Task A_pod_killed_before_any_sync_leaves_brs_id_map_on_the_claim_and_the_next_attempt_resumes_from_it()
    {
        using var temp = new TempDir();
        var world = new TestWorld(temp.Path, points: 1); // one segment, the last: the target must then equal the upstream
        await using var reporter = await TestReporter.StartAsync(Path.Combine(temp.Path, "operator"), world);
        var claim = WorkerEnvBuilder.NewCheckpointDir(world, 0, 1); // one directory for both pods: the chain's claim

        // Attempt 1: BR saves its id map, restores half of the log and hangs; then the node kills the whole pod.
        var first = ClaimEnv(reporter, world, 0, 1, claim, ("BRSIM_HANG_AT", "log:50"));
        using (var worker = WorkerProcess.Start(first))
        {
            await Poll.UntilAsync(() => File.Exists(Path.Combine(world.WorldDirectory, "faults.json")), TimeSpan.FromMinutes(2));
            (await reporter.Ledger.GetCheckpointAsync(TestReporter.RootUid, CancellationToken.None)).Generation
                .Should().Be(0, "with a claim and a ten-minute interval no change-driven sync runs.\n{0}", worker.Stdout);
            await worker.KillAsync();
        }

        var saved = DiskFiles(claim);
        saved.Keys.Should().Contain(p => p.StartsWith("pitr_id_maps/", StringComparison.Ordinal), "BR saved its id map before the log");
        saved.Keys.Should().Contain(p => p.EndsWith("data/restored_files.cpt", StringComparison.Ordinal), "BR recorded restored files");
        File.ReadAllText(Path.Combine(claim, Marker)).Should().Contain("\"generation\":0");

        // A write BR never finished (its local storage writes <name>.tmp.<uuid>, then renames) must not reach the ledger.
        var unfinished = Path.Combine(claim, "pitr_id_maps", "pitr_id_map.tmp.0f8fad5b-d9cb-469f-a165-70867728950e");
        File.WriteAllText(unfinished, "half a map");

        // Attempt 2 on the same claim: the marker matches the ledger, so nothing is wiped and BR resumes.
        var second = ClaimEnv(reporter, world, 0, 2, claim);
        using (var worker = WorkerProcess.Start(second))
        {
            (await worker.WaitAsync()).Should().Be(0, "the retry resumes.\n{0}\n{1}", worker.Stdout, worker.Stderr);
            worker.Stdout.Should().Contain($"keeping the claim's {saved.Count} checkpoint files (sync marker 0, ledger generation 0)")
                .And.Contain("removed 1 unfinished BR writes").And.NotContain("Hydrated");
            SyncCount(worker.Stdout).Should().Be(1, "only the final sync runs before a ten-minute interval");
        }

        var record = await reporter.SegmentAsync(0);
        record.State.Should().Be(SegmentState.Succeeded);
        record.Summary!.SkippedKvCountByCheckpoint.Should().BeGreaterThan(0, "BR found what the killed attempt restored");
        var ledger = await reporter.Ledger.GetCheckpointAsync(TestReporter.RootUid, CancellationToken.None);
        ledger.Generation.Should().Be(1);
        foreach (var (path, sha) in saved.Where(f => f.Key.StartsWith("pitr_id_maps/", StringComparison.Ordinal)))
        {
            ledger.Files.Should().Contain(f => f.Path == path && f.Sha256 == sha, "the id map attempt 1 saved reaches the ledger unchanged");
        }

        ledger.Files.Should().NotContain(f => f.Path == Marker, "the marker is the worker's, not BR's");
        ledger.Files.Should().NotContain(f => f.Path.Contains(".tmp.", StringComparison.Ordinal));
        File.Exists(unfinished).Should().BeFalse();
        await BrCommand.RunAsync(world, 0, [], "brsim", "verify", "--world", world.WorldDirectory, "--at", TestWorld.Ts(world.Points[0]));
    }

    [Theory]
    [InlineData("{\"generation\":5,\"segmentUid\":\"other\",\"attempt\":1}")]
    [InlineData(null)]
    public async Task A_claim_whose_marker_is_not_the_ledgers_generation_is_wiped_and_hydrated(string? marker)
    {
        using var temp = new TempDir();
        var world = new TestWorld(temp.Path, points: 2);
        await using var reporter = await TestReporter.StartAsync(Path.Combine(temp.Path, "operator"), world);
        await using (var content = new MemoryStream("from the ledger"u8.ToArray()))
        {
            await reporter.Ledger.CommitCheckpointAsync(
                TestReporter.RootUid, new CheckpointCommit(0, [new CheckpointPut("extra/from-ledger", content)], []), CancellationToken.None);
        }

        var claim = WorkerEnvBuilder.NewCheckpointDir(world, 0, 1);
        Directory.CreateDirectory(Path.Combine(claim, "pitr_id_maps"));
        File.WriteAllText(Path.Combine(claim, "pitr_id_maps", "stale"), "from another checkpoint");
        if (marker is not null)
        {
            File.WriteAllText(Path.Combine(claim, Marker), marker);
        }

        using var worker = WorkerProcess.Start(ClaimEnv(reporter, world, 0, 1, claim));

        (await worker.WaitAsync()).Should().Be(0, "{0}\n{1}", worker.Stdout, worker.Stderr);
        worker.Stdout.Should().Contain("rebuilding the checkpoint directory from the ledger").And.Contain("Hydrated 1 checkpoint files at generation 1");
        File.Exists(Path.Combine(claim, "pitr_id_maps", "stale")).Should().BeFalse("the stale directory was wiped");
        File.ReadAllText(Path.Combine(claim, "extra", "from-ledger")).Should().Be("from the ledger");
        var ledger = await reporter.Ledger.GetCheckpointAsync(TestReporter.RootUid, CancellationToken.None);
        ledger.Files.Select(f => f.Path).Should().Contain("extra/from-ledger").And.NotContain("pitr_id_maps/stale");
        File.ReadAllText(Path.Combine(claim, Marker)).Should().Contain($"\"generation\":{ledger.Generation - 1}", "written before the final sync's commit");
    }

    [Fact]
    public async Task On_a_claim_brs_writes_trigger_no_sync_before_the_interval_only_the_final_one()
    {
        using var temp = new TempDir();
        var world = new TestWorld(temp.Path, points: 2);
        await using var reporter = await TestReporter.StartAsync(Path.Combine(temp.Path, "operator"), world);
        var claim = WorkerEnvBuilder.NewCheckpointDir(world, 0, 1);

        using var worker = WorkerProcess.Start(ClaimEnv(reporter, world, 0, 1, claim));

        (await worker.WaitAsync()).Should().Be(0, "{0}\n{1}", worker.Stdout, worker.Stderr);
        SyncCount(worker.Stdout).Should().Be(1, "BR wrote its checkpoint many times, yet only the final sync ran.\n{0}", worker.Stdout);
        var ledger = await reporter.Ledger.GetCheckpointAsync(TestReporter.RootUid, CancellationToken.None);
        ledger.Generation.Should().Be(1);
        ledger.Files.Select(f => (f.Path, f.Sha256)).Should().BeEquivalentTo(DiskFiles(claim).Select(f => (f.Key, f.Value)));
    }

    private static Dictionary<string, string> ClaimEnv(TestReporter reporter, TestWorld world, int segment, int attempt, string claim, params (string, string)[] extra) =>
        WorkerEnvBuilder.For(reporter, world, segment, attempt, reporter.Grant(segment, attempt), claim, world.SegmentArgs(segment, claim),
            extra: [("SEGRESTORE_CHECKPOINT_VOLUME", "claim"), ("SEGRESTORE_SYNC_INTERVAL_SECONDS", "600"), .. extra]);

    /// <summary>BR's checkpoint files on disk (the marker left out), path to sha256.</summary>
    private static Dictionary<string, string> DiskFiles(string dir) =>
        Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
            .Select(f => (Path: Path.GetRelativePath(dir, f).Replace('\\', '/'), Full: f))
            .Where(f => f.Path != Marker)
            .ToDictionary(f => f.Path, f => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(f.Full))), StringComparer.Ordinal);

    private static int SyncCount(string stdout) => SyncedLine().Count(stdout);

    [GeneratedRegex("Synced checkpoint: ")]
    private static partial Regex SyncedLine();
}
