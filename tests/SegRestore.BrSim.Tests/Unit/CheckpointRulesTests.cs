using SegRestore.BrSim.Model;
using SegRestore.BrSim.Restore;

namespace SegRestore.BrSim.Tests.Unit;

public sealed class CheckpointRulesTests
{
    private static readonly LogRestoreCheckpoint Existing = new() { UpstreamClusterId = 7, StartTs = 10, RestoredTs = 20 };

    [Theory]
    [InlineData(7UL, 10UL, 20UL, null)]
    [InlineData(8UL, 10UL, 20UL, "The upstream cluster id[8] of the current log restore does not match that[7] recorded in checkpoint.")]
    [InlineData(7UL, 10UL, 30UL, "The current log restore want to restore cluster from 10 to 30, which is different from that from 10 to 20 recorded in checkpoint.")]
    public void A_checkpoint_of_another_task_is_a_mismatch(ulong cluster, ulong start, ulong restored, string? prefix)
    {
        var mismatch = CheckpointRules.Mismatch(Existing, cluster, start, restored, "here");
        if (prefix is null)
        {
            mismatch.Should().BeNull();
        }
        else
        {
            mismatch.Should().StartWith(prefix).And.EndWith("or just clean the checkpoint here if the cluster has been cleaned up.");
        }
    }
}
