using System.Security.Cryptography;
using SegRestore.Worker.Tests.Infrastructure;

namespace SegRestore.Worker.Tests.Acceptance;

/// <summary>
/// The Managed checkpoint sync follows BR's writes, not the periodic interval (chaos finding E): with a ten-minute
/// interval, what BR wrote to its checkpoint storage is in the ledger long before the first tick.
/// </summary>
public sealed class ChangeDrivenSyncTests
{
    [Fact]
    public async Task A_checkpoint_file_br_writes_reaches_the_ledger_well_before_the_periodic_interval()
    {
        using var temp = new TempDir();
        var world = new TestWorld(temp.Path, points: 3);
        await using var reporter = await TestReporter.StartAsync(Path.Combine(temp.Path, "operator"), world);
        var dir = WorkerEnvBuilder.NewCheckpointDir(world, 0, 1);

        // BR hangs at half of the log with its checkpoint written: from then on nothing changes on disk, and only a
        // change-driven sync (no tick comes for ten minutes) can bring the ledger up to it.
        var env = WorkerEnvBuilder.For(reporter, world, 0, 1, reporter.Grant(0, 1), dir, world.SegmentArgs(0, dir),
            extra: [("SEGRESTORE_SYNC_INTERVAL_SECONDS", "600"), ("BRSIM_HANG_AT", "log:50")]);
        using var worker = WorkerProcess.Start(env);

        var started = DateTime.UtcNow;
        await Poll.UntilAsync(async () => await LedgerMatchesDiskAsync(reporter, dir), TimeSpan.FromMinutes(2));
        (DateTime.UtcNow - started).Should().BeLessThan(TimeSpan.FromMinutes(10), "the periodic sync never ran");
        var ledger = await reporter.Ledger.GetCheckpointAsync(TestReporter.RootUid, CancellationToken.None);
        ledger.Files.Should().Contain(f => f.Path.EndsWith("data/restored_files.cpt", StringComparison.Ordinal),
            "BR's per-file progress is in the ledger while BR still runs.\n{0}", worker.Stdout);
    }

    /// <summary>True once BR wrote its file progress and the ledger holds exactly the directory's files and bytes.</summary>
    private static async Task<bool> LedgerMatchesDiskAsync(TestReporter reporter, string dir)
    {
        var disk = Directory.Exists(dir)
            ? Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
                .Select(f => (Path: Path.GetRelativePath(dir, f).Replace('\\', '/'), Sha256: Sha256(f)))
                .Where(f => f.Sha256 is not null)
                .OrderBy(f => f.Path, StringComparer.Ordinal)
                .ToList()
            : [];
        if (!disk.Any(f => f.Path.EndsWith("data/restored_files.cpt", StringComparison.Ordinal)))
        {
            return false;
        }

        var ledger = await reporter.Ledger.GetCheckpointAsync(TestReporter.RootUid, CancellationToken.None);
        return ledger.Files.Select(f => (f.Path, (string?)f.Sha256)).OrderBy(f => f.Path, StringComparer.Ordinal).SequenceEqual(disk);
    }

    private static string? Sha256(string file)
    {
        try
        {
            return Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(file)));
        }
        catch (IOException)
        {
            return null; // BR is replacing it right now; the next poll reads it again
        }
    }
}
