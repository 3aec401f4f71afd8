using SegRestore.Br.State;

namespace SegRestore.Br.Tests.State;

public sealed class SegmentedStateFilesTests
{
    public static TheoryData<string, string[], bool> Cases => new()
    {
        { "state saved, checkpoint removed", ["pitr_id_maps/pitr_id_map.cluster_id:7.restored_ts:200"], true },
        { "state saved, checkpoint still there", ["pitr_id_maps/pitr_id_map.cluster_id:7.restored_ts:200", "checkpoints/log_restore_7/checkpoint.meta"], false },
        { "only the previous segment's state", ["pitr_id_maps/pitr_id_map.cluster_id:7.restored_ts:100"], false },
        { "in progress", ["pitr_id_maps/pitr_id_map.cluster_id:7.restored_ts:100", "checkpoints/log_restore_7/data/restored_files.cpt"], false },
        { "nothing", [], false },
        { "a look-alike outside the state directory", ["other/pitr_id_map.cluster_id:7.restored_ts:200"], false },
        { "a ts with a longer suffix", ["pitr_id_maps/pitr_id_map.cluster_id:7.restored_ts:2000"], false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_segment_counts_as_completed_only_when_its_state_is_saved_and_its_checkpoint_gone(string because, string[] paths, bool completed) =>
        SegmentedStateFiles.ShowCompleted(paths, 200).Should().Be(completed, because);

    [Fact]
    public void Pick_takes_the_exact_ts_or_the_newest() =>
        SegmentedStateFiles.Pick(["pitr_id_map.cluster_id:1.restored_ts:5", "pitr_id_map.cluster_id:1.restored_ts:9", "junk"], null)
            .Should().Be("pitr_id_map.cluster_id:1.restored_ts:9");
}
