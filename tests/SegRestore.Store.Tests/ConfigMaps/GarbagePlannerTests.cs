using SegRestore.Store.ConfigMaps;
using SegRestore.Store.Model;
using SegRestore.Store.Tests.Support;

namespace SegRestore.Store.Tests.ConfigMaps;

public sealed class GarbagePlannerTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 22, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Grace = TimeSpan.FromHours(1);

    public static TheoryData<string, int?, int?, bool> Cases => new()
    {
        // chunk, minutes since creation (null = unknown), minutes since release (null = never released), collected
        { "referenced", 600, null, false },
        { "referenced", 600, 600, false },
        { "orphan", 61, null, true },
        { "orphan", 60, null, true },
        { "orphan", 59, null, false },
        { "orphan", null, null, false },
        { "released", 6000, 59, false },
        { "released", 6000, 60, true },
        { "released", 1, 61, true },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Unreferenced_blobs_are_collected_only_after_the_grace(string chunk, int? createdMinutesAgo, int? releasedMinutesAgo, bool collected)
    {
        var released = releasedMinutesAgo is { } r ? new Dictionary<string, DateTimeOffset> { [chunk] = Now.AddMinutes(-r) } : [];
        var index = LedgerIndex.For(new ChainRecord(Samples.Chain(), ChainState.Active, null, 1, Now, Now, null)) with
        {
            Files = [new IndexedFile("a", "sha", 1, 1, ["referenced"])],
            Released = released,
        };
        DateTimeOffset? created = createdMinutesAgo is { } c ? Now.AddMinutes(-c) : null;

        var chosen = GarbagePlanner.ChunksToCollect(index, [(chunk, created)], Now, Grace);

        chosen.Contains(chunk).Should().Be(collected);
    }
}
