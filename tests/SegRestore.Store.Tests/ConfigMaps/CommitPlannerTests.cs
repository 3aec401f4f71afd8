using SegRestore.Store.ConfigMaps;
using SegRestore.Store.Errors;
using SegRestore.Store.Model;
using SegRestore.Store.Tests.Support;

namespace SegRestore.Store.Tests.ConfigMaps;

public sealed class CommitPlannerTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 22, 12, 0, 0, TimeSpan.Zero);

    private static LedgerIndex Index(params IndexedFile[] files) =>
        LedgerIndex.For(new ChainRecord(Samples.Chain(), ChainState.Active, null, 4, Now, Now, null)) with { Files = files };

    [Fact]
    public void A_commit_bumps_the_generation_and_releases_chunks_no_file_references_any_more()
    {
        var index = Index(new IndexedFile("a", "s1", 2, 4, ["c1", "shared"]), new IndexedFile("b", "s2", 1, 3, ["c2"]));

        var after = CommitPlanner.Apply(index, 4, ["b"], [new IndexedFile("a", "s3", 2, 0, ["shared", "c3"])], Now);

        after.Chain.Generation.Should().Be(5);
        after.Files.Should().ContainSingle().Which.Should().BeEquivalentTo(new IndexedFile("a", "s3", 2, 5, ["shared", "c3"]));
        after.Released.Keys.Should().BeEquivalentTo(["c1", "c2"]);
        after.Released.Values.Should().AllBeEquivalentTo(Now);
    }

    [Fact]
    public void A_released_chunk_referenced_again_is_no_longer_released()
    {
        var index = Index() with { Released = new Dictionary<string, DateTimeOffset> { ["c1"] = Now.AddDays(-1) } };

        var after = CommitPlanner.Apply(index, 4, [], [new IndexedFile("a", "s", 1, 0, ["c1"])], Now);

        after.Released.Should().BeEmpty();
    }

    [Fact]
    public void A_commit_relying_on_a_chunk_being_collected_is_a_conflict()
    {
        var index = Index() with { Collecting = ["c1"] };

        var act = () => CommitPlanner.Apply(index, 4, [], [new IndexedFile("a", "s", 1, 0, ["c1"])], Now);

        act.Should().Throw<LedgerConflictException>().WithMessage("*retry the commit*");
    }

    [Fact]
    public void A_commit_on_a_stale_generation_is_a_generation_conflict()
    {
        var act = () => CommitPlanner.Apply(Index(), 3, [], [], Now);

        act.Should().Throw<GenerationConflictException>().Which.ActualGeneration.Should().Be(4);
    }
}
