namespace SegRestore.BrSim.Tests;

/// <summary>The simulator's SIMULATED DNS (`br brsim host`): a Service name such as a TidbCluster's PD reaches a target.</summary>
public sealed class SimulatedDnsTests
{
    [Fact]
    public async Task A_service_name_reaches_its_target_for_restores_and_the_audit()
    {
        using var world = new SimWorldFixture(points: 1);
        (await BrProcess.RunAsync(world.Env(), "brsim", "host", "--world", world.Directory, "basic-pd.tidb:2379=" + world.Pd)).ExitCode.Should().Be(0);

        world.World.Resolve("https://BASIC-pd.tidb:2379").Should().Be(world.Pd);
        world.World.Resolve("other-pd:2379").Should().Be("other-pd:2379");
        world.World.TargetPath("basic-pd.tidb:2379").Should().Be(world.World.TargetPath(world.Pd));

        (await BrProcess.RunAsync(world.Env(), world.SegmentArgs(0, pd: "basic-pd.tidb:2379"))).ExitCode.Should().Be(0);
        File.ReadAllText(world.World.AuditLogPath).Should().Contain("pd=" + world.Pd, "the audit names the target reached");
    }

    [Fact]
    public async Task A_name_for_a_target_the_world_lacks_is_refused()
    {
        using var world = new SimWorldFixture(points: 1);

        var result = await BrProcess.RunAsync(world.Env(), "brsim", "host", "--world", world.Directory, "basic-pd.tidb:2379=10.0.0.9:2379");

        result.ExitCode.Should().NotBe(0);
        File.Exists(world.World.HostsPath).Should().BeFalse();
    }
}
