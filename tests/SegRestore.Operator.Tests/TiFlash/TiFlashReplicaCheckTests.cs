using SegRestore.Br.State;
using SegRestore.Operator.TiFlash;

namespace SegRestore.Operator.Tests.TiFlash;

/// <summary>The read-back after the ALTER: what counts as the replica being set as BR recorded it.</summary>
public sealed class TiFlashReplicaCheckTests
{
    private static TiFlashReplicaItem Item(ulong count, params string[] labels) =>
        new(7, "test", "t1", count, labels, Available: true, AvailablePartitionIds: []);

    private static TiFlashReplicaRow Row(ulong count, string labels, bool available = false) => new("test", "t1", count, labels, available);

    public static TheoryData<TiFlashReplicaItem, TiFlashReplicaRow?, TiFlashReplicaCheckResult> Cases => new()
    {
        { Item(2, "zone", "rack"), null, TiFlashReplicaCheckResult.Missing },
        { Item(1), null, TiFlashReplicaCheckResult.Missing },
        { Item(1), Row(1, ""), TiFlashReplicaCheckResult.Matches },
        { Item(1), Row(1, "", available: true), TiFlashReplicaCheckResult.Matches },
        { Item(2, "zone", "rack"), Row(2, "zone,rack"), TiFlashReplicaCheckResult.Matches },
        { Item(2, "zone", "rack"), Row(2, "zone, rack"), TiFlashReplicaCheckResult.Matches },
        { Item(2, "zone"), Row(2, "zone"), TiFlashReplicaCheckResult.Matches },
        { Item(2, "zone", "rack"), Row(1, "zone,rack"), TiFlashReplicaCheckResult.CountDiffers },
        { Item(2), Row(3, ""), TiFlashReplicaCheckResult.CountDiffers },
        { Item(1), Row(0, ""), TiFlashReplicaCheckResult.CountDiffers },
        { Item(2, "zone", "rack"), Row(2, "rack,zone"), TiFlashReplicaCheckResult.LabelsDiffer },
        { Item(2, "zone", "rack"), Row(2, "zone"), TiFlashReplicaCheckResult.LabelsDiffer },
        { Item(2, "zone"), Row(2, ""), TiFlashReplicaCheckResult.LabelsDiffer },
        { Item(2), Row(2, "zone"), TiFlashReplicaCheckResult.LabelsDiffer },
        { Item(2, "Zone"), Row(2, "zone"), TiFlashReplicaCheckResult.LabelsDiffer },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_row_is_compared_by_count_then_labels_in_order(TiFlashReplicaItem item, TiFlashReplicaRow? row, TiFlashReplicaCheckResult expected) =>
        TiFlashReplicaCheck.Compare(item, row).Should().Be(expected);

    [Theory]
    [InlineData(null, new string[0])]
    [InlineData("", new string[0])]
    [InlineData(" ", new string[0])]
    [InlineData("zone", new[] { "zone" })]
    [InlineData("zone,rack,host", new[] { "zone", "rack", "host" })]
    [InlineData("zone,,rack", new[] { "zone", "rack" })]
    public void Location_labels_are_split_at_commas(string? text, string[] expected) =>
        TiFlashReplicaCheck.SplitLabels(text).Should().Equal(expected);
}
