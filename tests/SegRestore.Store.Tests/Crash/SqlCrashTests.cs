using SegRestore.Store.CrashWriter;
using SegRestore.Store.Model;
using SegRestore.Store.Tests.Conformance;
using SegRestore.Store.Tests.Support;

namespace SegRestore.Store.Tests.Crash;

/// <summary>
/// A real writer process killed with SIGKILL in the middle of committing a large generation: the previous generation
/// must stay intact and readable, and the dead writer's staged content must be collectable.
/// </summary>
public abstract class SqlCrashTests : IAsyncLifetime
{
    private const long MiB = 1024 * 1024;
    private readonly ManualTimeProvider _time = new(DateTimeOffset.UtcNow);
    private readonly List<IChainLedger> _ledgers = [];

    protected abstract string Backend { get; }

    protected abstract string Target { get; }

    protected virtual IReadOnlyDictionary<string, string> ExtraEnvironment => new Dictionary<string, string>();

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public virtual async Task DisposeAsync()
    {
        foreach (var ledger in _ledgers)
        {
            await ledger.DisposeAsync();
        }
    }

    protected abstract Task<IChainLedger> OpenCoreAsync(LedgerOptions options, TimeProvider time);

    [BackendFact]
    public async Task A_writer_killed_mid_commit_of_a_64_MiB_generation_leaves_the_previous_generation_intact_and_readable()
    {
        var ledger = await OpenAsync();
        var chain = await ledger.CreateChainAsync(Samples.Chain(), CancellationToken.None);
        await ledger.CommitCheckpointAsync(chain.RootUid, new CheckpointCommit(0, new CrashWorkload(4, MiB).Puts(1), []), CancellationToken.None);

        await using (var writer = StartWriter("commit", "--chain", chain.RootUid, "--files", "4", "--file-kib", "16384", "--pause-after-kib", "40960"))
        {
            await writer.WaitForLineAsync(line => line == "paused");
            await writer.KillAsync();
        }

        var restarted = await OpenAsync();
        await AssertIntactAsync(restarted, chain.RootUid, expectedFiles: 4, minimumGeneration: 1);
        (await restarted.GetCheckpointAsync(chain.RootUid, CancellationToken.None)).Generation.Should().Be(1);
        _time.Advance(TimeSpan.FromHours(2));
        (await restarted.CollectGarbageAsync(CancellationToken.None)).RemovedBlobs.Should().BeGreaterThan(0, "the dead writer's staged upload is an orphan");
        await restarted.CommitCheckpointAsync(chain.RootUid, new CheckpointCommit(1, new CrashWorkload(4, MiB).Puts(2), []), CancellationToken.None);
        await AssertIntactAsync(restarted, chain.RootUid, expectedFiles: 4, minimumGeneration: 2);
    }

    [BackendFact]
    public async Task A_writer_killed_at_arbitrary_moments_of_a_commit_loop_leaves_the_last_committed_generation_intact()
    {
        var ledger = await OpenAsync();
        var chain = await ledger.CreateChainAsync(Samples.Chain(), CancellationToken.None);
        var random = new Random(20260122);
        long lastSeen = 0;
        for (var round = 0; round < 3; round++)
        {
            await using (var writer = StartWriter("commit", "--chain", chain.RootUid, "--files", "6", "--file-kib", "2048", "--loop"))
            {
                var target = lastSeen + 1;
                var line = await writer.WaitForLineAsync(l => l.StartsWith("committed ", StringComparison.Ordinal) && long.Parse(l[10..]) >= target);
                lastSeen = long.Parse(line[10..]);
                await Task.Delay(random.Next(0, 400));
                await writer.KillAsync();
            }

            var snapshot = await AssertIntactAsync(await OpenAsync(), chain.RootUid, expectedFiles: 6, minimumGeneration: lastSeen);
            lastSeen = snapshot.Generation;
        }
    }

    private async Task<IChainLedger> OpenAsync()
    {
        var ledger = await OpenCoreAsync(new LedgerOptions { OrphanGrace = TimeSpan.FromHours(1) }, _time);
        _ledgers.Add(ledger);
        return ledger;
    }

    private CrashWriterProcess StartWriter(params string[] arguments)
    {
        var environment = new Dictionary<string, string>(ExtraEnvironment)
        {
            [LedgerTarget.BackendVariable] = Backend,
            [LedgerTarget.TargetVariable] = Target,
        };
        return CrashWriterProcess.Start(environment, arguments);
    }

    /// <summary>Every file of the committed generation is present and holds exactly what the generation that wrote
    /// it put there (verified by the ledger's sha256 checks and by recomputing the content).</summary>
    private static async Task<CheckpointSnapshot> AssertIntactAsync(IChainLedger ledger, string chainUid, int expectedFiles, long minimumGeneration)
    {
        var snapshot = await ledger.GetCheckpointAsync(chainUid, CancellationToken.None);
        snapshot.Generation.Should().BeGreaterThanOrEqualTo(minimumGeneration);
        snapshot.Files.Should().HaveCount(expectedFiles);
        for (var file = 0; file < expectedFiles; file++)
        {
            var info = snapshot.Files.Single(f => f.Path == CrashWorkload.PathOf(file));
            var content = await ledger.ReadFileAsync(chainUid, info.Path);
            content.ShouldEqualBytes(CrashWorkload.ContentOf(info.Generation, file, info.Size), because: info.Path);
        }

        return snapshot;
    }
}
