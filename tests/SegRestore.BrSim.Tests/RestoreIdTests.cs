using SegRestore.Br.Errors;

namespace SegRestore.BrSim.Tests;

/// <summary>
/// Issue 20 item 5: one restore_id per segment. A retry that is not the identical command registers a new restore id,
/// so Table mode keeps two states at one restored_ts: V2 then refuses the next segment, V1 takes the latest. The
/// TiFlash check runs when a new segment loads the previous state, not when a retry resumes.
/// </summary>
public sealed class RestoreIdTests
{
    private static readonly string[] OtherFilters = ["--filter", "*.*", "--filter", "!mysql.*", "--filter", "!sys.*"];

    [Theory]
    [InlineData("last-segment", false)]
    [InlineData("last", true)]
    public async Task A_retry_under_a_new_restore_id_leaves_two_states_that_only_v1_resolves(string dialect, bool nextSucceeds)
    {
        using var world = new SimWorldFixture();
        var env = world.Env(("BRSIM_DIALECT", dialect));
        (await BrProcess.RunAsync(world.Env(("BRSIM_DIALECT", dialect), ("BRSIM_KILL_AT", "log:50")), world.SegmentArgs(0, dialect, withCheckpointStorage: false)))
            .ExitCode.Should().Be(137);
        (await BrProcess.RunAsync(env, [.. world.SegmentArgs(0, dialect, withCheckpointStorage: false), .. OtherFilters])).ExitCode.Should().Be(0);
        world.World.LoadTarget(world.Pd)!.PitrIdMap.Where(r => r.RestoredTs == world.Points[0]).Select(r => r.RestoreId).Distinct()
            .Should().HaveCount(2, "the killed run and the retry with other filters saved under different restore ids");

        var next = await BrProcess.RunAsync(env, world.SegmentArgs(1, dialect, withCheckpointStorage: false));

        if (nextSucceeds)
        {
            next.ExitCode.Should().Be(0, next.Stdout);
        }
        else
        {
            next.ShouldFailWith($"multiple restore_id values found for restored_ts {world.Points[0]}", BrFailureReason.AmbiguousPreviousState);
        }
    }

    [Fact]
    public async Task The_identical_retry_keeps_its_restore_id_and_the_next_segment_finds_one_state()
    {
        using var world = new SimWorldFixture();
        (await BrProcess.RunAsync(world.Env(("BRSIM_KILL_AT", "log:50")), world.SegmentArgs(0, withCheckpointStorage: false))).ExitCode.Should().Be(137);
        (await BrProcess.RunAsync(world.Env(), world.SegmentArgs(0, withCheckpointStorage: false))).ExitCode.Should().Be(0);

        world.World.LoadTarget(world.Pd)!.PitrIdMap.Where(r => r.RestoredTs == world.Points[0]).Select(r => r.RestoreId).Distinct().Should().ContainSingle();
        (await BrProcess.RunAsync(world.Env(), world.SegmentArgs(1, withCheckpointStorage: false))).ExitCode.Should().Be(0);
    }

    [Fact]
    public async Task A_tiflash_replica_added_during_a_segment_does_not_block_its_retry()
    {
        using var world = new SimWorldFixture();
        (await BrProcess.RunAsync(world.Env(), world.SegmentArgs(0, withCheckpointStorage: false))).ExitCode.Should().Be(0);
        (await BrProcess.RunAsync(world.Env(("BRSIM_KILL_AT", "log:50")), world.SegmentArgs(1, withCheckpointStorage: false))).ExitCode.Should().Be(137);
        (await BrProcess.RunAsync(world.Env(), "brsim", "target", "--world", world.Directory, "set-tiflash", "wl_basic.t1", "1")).ExitCode.Should().Be(0);

        var retry = await BrProcess.RunAsync(world.Env(), world.SegmentArgs(1, withCheckpointStorage: false));

        retry.ExitCode.Should().Be(0, "the check runs when a new segment loads the previous state, not on a resumed retry\n" + retry.Stdout);
    }
}
