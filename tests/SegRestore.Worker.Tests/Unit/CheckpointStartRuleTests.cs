using SegRestore.Worker.Checkpoint;
using SegRestore.Worker.Config;

namespace SegRestore.Worker.Tests.Unit;

public sealed class CheckpointStartRuleTests
{
    public static TheoryData<CheckpointVolume, long?, long, bool> Cases => new()
    {
        // volume, marker, ledger generation, keep the disk
        { CheckpointVolume.Claim, 4, 4, true },   // the commit after the marker never landed: disk = ledger + more
        { CheckpointVolume.Claim, 4, 5, true },   // the commit landed, made from this disk
        { CheckpointVolume.Claim, 0, 0, true },   // hydrated an empty ledger, killed before any commit
        { CheckpointVolume.Claim, 0, 1, true },
        { CheckpointVolume.Claim, 4, 6, false },  // generations this disk never wrote
        { CheckpointVolume.Claim, 4, 3, false },  // the ledger went back: trust only the ledger
        { CheckpointVolume.Claim, 4, 0, false },
        { CheckpointVolume.Claim, null, 0, false }, // a fresh claim or a rebuild that was killed
        { CheckpointVolume.Claim, null, 7, false },
        { CheckpointVolume.EmptyDir, 4, 4, false }, // an emptyDir never holds a marker worth trusting
        { CheckpointVolume.EmptyDir, null, 0, false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_disk_is_kept_only_on_a_claim_whose_marker_is_the_ledgers_generation_or_the_one_before(
        CheckpointVolume volume, long? marker, long ledger, bool keep)
    {
        var start = CheckpointStartRule.Decide(volume, marker, ledger);

        start.KeepDisk.Should().Be(keep);
        start.Reason.Should().NotBeNullOrWhiteSpace();
        if (volume == CheckpointVolume.Claim && marker is not null)
        {
            start.Reason.Should().Contain($"generation {marker}").And.Contain($"ledger is at {ledger}", "the log says which generations were compared");
        }
    }
}
