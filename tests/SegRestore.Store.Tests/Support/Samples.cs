using SegRestore.Store.Model;

namespace SegRestore.Store.Tests.Support;

/// <summary>Valid sample records that tests vary with <c>with</c>.</summary>
public static class Samples
{
    public const ulong Tso0 = 463736294698909699;

    public static NewChain Chain(string? uid = null, ulong clusterId = 7230001234567890123) => new(
        uid ?? Guid.NewGuid().ToString(),
        "orders-0",
        "tidb",
        clusterId,
        "basic-pd.tidb:2379",
        "s3://backups/log",
        CheckpointMode.Managed,
        null,
        BrDialect.LastSegment);

    public static SegmentStart Segment(int index, bool last = false, string? uid = null) => new(
        uid ?? $"seg-{index}-{Guid.NewGuid():N}",
        index,
        $"orders-{index}",
        Tso0 + ((ulong)index * 1000),
        Tso0 + ((ulong)(index + 1) * 1000),
        last,
        $"spec-{index}");

    public static BrSummary Summary => new(1_000_000, 64L << 20, TimeSpan.FromSeconds(93.5), 12, 4096, 1.5e6);

    public static ChainItems Items => new(
        [new TiFlashItem("shop", "orders", 2, ["zone", "rack"]), new TiFlashItem("shop", "items", 1, [])],
        [new IngestItem("shop", "orders", "idx_created", false), new IngestItem("shop", "refunds", "PRIMARY", true)],
        ["ALTER TABLE `shop`.`orders` SET TIFLASH REPLICA 2 LOCATION LABELS 'zone', 'rack'"]);

    /// <summary>Deterministic pseudo-random content (incompressible, like BR's checkpoint data).</summary>
    public static byte[] Bytes(int length, int seed)
    {
        var data = new byte[length];
        new Random(seed).NextBytes(data);
        return data;
    }
}
