using System.Diagnostics;
using SegRestore.BrSim.Faults;
using SegRestore.BrSim.Restore;

namespace SegRestore.BrSim.Tests;

/// <summary>BRSIM_GATE_AT: BR stops at a point until a file exists, so a test can act between two of BR's writes.</summary>
public sealed class GateTests
{
    private static readonly TimeSpan ReachTimeout = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task A_closed_gate_holds_br_until_its_file_exists_and_an_open_gate_lets_every_later_run_pass()
    {
        using var world = new SimWorldFixture(points: 2);
        var gate = Path.Combine(world.Directory, "gate-meta");
        var env = world.Env(("BRSIM_GATE_AT", $"meta:100:{gate}"));
        using var held = BrProcess.Start(env, world.SegmentArgs(0));
        var run = BrProcess.WaitAsync(held);
        await ReachedAsync(gate + FaultGate.ReachedSuffix, held);
        run.IsCompleted.Should().BeFalse("BR waits at the gate");
        File.ReadAllText(gate + FaultGate.ReachedSuffix).Should().StartWith("meta:100 pid " + held.Id);

        await File.WriteAllTextAsync(gate, "");
        (await run).ExitCode.Should().Be(0);
        File.Delete(gate + FaultGate.ReachedSuffix);
        var next = await BrProcess.RunAsync(env, world.SegmentArgs(1));
        next.ExitCode.Should().Be(0, next.Stdout + next.Stderr);
        File.Exists(gate + FaultGate.ReachedSuffix).Should().BeFalse("an open gate does not stop BR again");
    }

    /// <summary>
    /// Chaos finding E in miniature: BR is held before it builds segment 0's id maps while a copy of its checkpoint
    /// storage is taken (what a ledger holds whose sync of the id-map save never committed), then SIGKILLed after
    /// every meta KV of the range is in the target. A resume from that copy allocates new ids and writes the range's
    /// CREATE TABLE a second time; a resume from the checkpoint storage BR itself wrote (one that outlives the kill)
    /// reloads the saved id maps and the target matches the upstream.
    /// </summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_kill_after_the_meta_kvs_needs_the_checkpoint_that_holds_the_saved_id_maps(bool checkpointSurvives)
    {
        using var world = new SimWorldFixture(points: 2);
        var beforeIdMaps = Path.Combine(world.Directory, "gate-before-id-maps");
        var afterMeta = Path.Combine(world.Directory, "gate-after-meta");
        var env = world.Env(("BRSIM_GATE_AT", $"{LogRestorer.IdMapBuildStep}:0:{beforeIdMaps},meta:100:{afterMeta}"));
        var checkpoint = Path.Combine(world.Directory, "checkpoint");
        var trailing = Path.Combine(world.Directory, "checkpoint-before-id-maps");

        using (var first = BrProcess.Start(env, world.SegmentArgs(0)))
        {
            var run = BrProcess.WaitAsync(first);
            await ReachedAsync(beforeIdMaps + FaultGate.ReachedSuffix, first);
            TestDirectories.Copy(checkpoint, trailing);
            await File.WriteAllTextAsync(beforeIdMaps, "");
            await ReachedAsync(afterMeta + FaultGate.ReachedSuffix, first);
            first.Kill(entireProcessTree: true);
            (await run).ExitCode.Should().Be(137, "SIGKILL");
        }

        await File.WriteAllTextAsync(afterMeta, "");
        if (!checkpointSurvives)
        {
            Directory.Delete(checkpoint, recursive: true);
            TestDirectories.Copy(trailing, checkpoint);
        }

        for (var i = 0; i < world.Points.Count; i++)
        {
            var segment = await BrProcess.RunAsync(env, world.SegmentArgs(i));
            segment.ExitCode.Should().Be(0, segment.Stdout + segment.Stderr);
        }

        var verify = await BrProcess.RunAsync(env, "brsim", "verify", "--world", world.Directory);
        if (checkpointSurvives)
        {
            verify.ExitCode.Should().Be(0, verify.Stdout + verify.Stderr);
        }
        else
        {
            verify.ExitCode.Should().Be(1, verify.Stdout + verify.Stderr);
            verify.Stdout.Should().Contain("duplicate table name: 2 tables in the target");
        }
    }

    private static async Task ReachedAsync(string reachedFile, Process br)
    {
        var deadline = DateTime.UtcNow + ReachTimeout;
        while (!File.Exists(reachedFile))
        {
            br.HasExited.Should().BeFalse($"BR should wait at the gate ({reachedFile}), not exit");
            DateTime.UtcNow.Should().BeBefore(deadline, $"BR should reach the gate ({reachedFile})");
            await Task.Delay(50);
        }
    }
}
