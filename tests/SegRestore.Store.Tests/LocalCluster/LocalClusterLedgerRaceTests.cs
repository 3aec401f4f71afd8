using SegRestore.Kube.Client;
using SegRestore.Store.ConfigMaps;
using SegRestore.Store.Errors;
using SegRestore.Store.Model;
using SegRestore.Store.Tests.Support;

namespace SegRestore.Store.Tests.LocalCluster;

/// <summary>Two operator replicas (own clients, own connections) racing on one chain's index through a real API
/// server: the resourceVersion precondition is LocalCluster's, the 409 travels over HTTP and through the adapter.</summary>
[Collection(LocalClusterLedgerFixture.Collection)]
public sealed class LocalClusterLedgerRaceTests(LocalClusterLedgerFixture cluster) : IAsyncLifetime
{
    private readonly KubernetesClient _first = cluster.NewClient();
    private readonly KubernetesClient _second = cluster.NewClient();
    private readonly ManualTimeProvider _time = new();
    private string _namespace = null!;

    public async Task InitializeAsync()
    {
        cluster.Time.Use(_time);
        _namespace = await cluster.NewNamespaceAsync(_first, "race");
    }

    public async Task DisposeAsync()
    {
        await LocalClusterLedgerFixture.DeleteConfigMapsAsync(_first, _namespace);
        _first.Dispose();
        _second.Dispose();
    }

    [Fact]
    public async Task Racing_commits_on_one_generation_one_wins_the_other_gets_a_generation_conflict_and_nothing_earlier_is_lost()
    {
        var rendezvous = new Rendezvous(2);
        var firstGate = new IndexWriteGate(new KubernetesConfigMapStore(_first, _namespace), rendezvous);
        var secondGate = new IndexWriteGate(new KubernetesConfigMapStore(_second, _namespace), rendezvous);
        var first = ConfigMapLedgers.Create(firstGate, LedgerOptions.Default, time: _time);
        var second = ConfigMapLedgers.Create(secondGate, LedgerOptions.Default, time: _time);
        var chain = await Ledger(_first).CreateChainAsync(Samples.Chain(), CancellationToken.None);
        var earlier = Samples.Bytes(300_000, 1);
        await Ledger(_first).CommitCheckpointAsync(chain.RootUid,
            new CheckpointCommit(0, [CheckpointPut.FromBytes("checkpoints/earlier", earlier)], []), CancellationToken.None);

        var outcomes = await Task.WhenAll(
            Outcome(first.CommitCheckpointAsync(chain.RootUid, Commit("checkpoints/by-first", 2), CancellationToken.None)),
            Outcome(second.CommitCheckpointAsync(chain.RootUid, Commit("checkpoints/by-second", 3), CancellationToken.None)));

        outcomes.Count(o => o.Generation == 2).Should().Be(1, "exactly one writer commits");
        (firstGate.Conflicts + secondGate.Conflicts).Should().Be(1, "the loser's index write met the server's 409");
        var loser = outcomes.Single(o => o.Error is not null).Error.Should().BeOfType<GenerationConflictException>().Subject;
        loser.ExpectedGeneration.Should().Be(1);
        loser.ActualGeneration.Should().Be(2);
        var winnerPath = outcomes[0].Generation == 2 ? "checkpoints/by-first" : "checkpoints/by-second";
        var reader = Ledger(_second);
        var snapshot = await reader.GetCheckpointAsync(chain.RootUid, CancellationToken.None);
        snapshot.Generation.Should().Be(2);
        snapshot.Files.Select(f => f.Path).Should().BeEquivalentTo(["checkpoints/earlier", winnerPath]);
        (await reader.ReadFileAsync(chain.RootUid, "checkpoints/earlier")).ShouldEqualBytes(earlier);
    }

    [Fact]
    public async Task Racing_segment_records_both_land_after_the_loser_rereads_the_index()
    {
        var rendezvous = new Rendezvous(2);
        var firstGate = new IndexWriteGate(new KubernetesConfigMapStore(_first, _namespace), rendezvous);
        var secondGate = new IndexWriteGate(new KubernetesConfigMapStore(_second, _namespace), rendezvous);
        var chain = await Ledger(_first).CreateChainAsync(Samples.Chain(), CancellationToken.None);
        var zero = Samples.Segment(0);
        var one = Samples.Segment(1);

        await Task.WhenAll(
            ConfigMapLedgers.Create(firstGate, LedgerOptions.Default, time: _time).RecordSegmentStartAsync(chain.RootUid, zero, CancellationToken.None),
            ConfigMapLedgers.Create(secondGate, LedgerOptions.Default, time: _time).RecordSegmentStartAsync(chain.RootUid, one, CancellationToken.None));

        (firstGate.Conflicts + secondGate.Conflicts).Should().Be(1, "one record met the server's 409 and was merged on a re-read");
        var segments = await Ledger(_first).ListSegmentsAsync(chain.RootUid, CancellationToken.None);
        segments.Select(s => s.Start.Uid).Should().BeEquivalentTo([zero.Uid, one.Uid]);
    }

    private IChainLedger Ledger(KubernetesClient client) =>
        ConfigMapLedgers.Create(new KubernetesConfigMapStore(client, _namespace), LedgerOptions.Default, time: _time);

    private static CheckpointCommit Commit(string path, int seed) =>
        new(1, [CheckpointPut.FromBytes(path, Samples.Bytes(200_000, seed))], []);

    private static async Task<(long? Generation, Exception? Error)> Outcome(Task<long> commit)
    {
        try
        {
            return (await commit, null);
        }
        catch (LedgerException e)
        {
            return (null, e);
        }
    }
}
