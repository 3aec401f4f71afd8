using SegRestore.Cli.Local;

namespace SegRestore.Cli.Tests;

public class LocalRunStartRulesTests
{
    private const string Pd = "127.0.0.1:23790";

    public static TheoryData<bool, bool, bool, string[], LocalRunStartMode, string> Cases => new()
    {
        // fresh, cluster state, world, world targets -> mode, message part
        { false, false, false, [], LocalRunStartMode.Fresh, "no saved state" },
        { false, true, true, [Pd], LocalRunStartMode.Resume, "resuming" },
        { true, true, true, [Pd], LocalRunStartMode.Fresh, "--fresh" },
        { false, true, false, [], LocalRunStartMode.Fresh, "the simulated world is missing" },
        { false, false, true, [Pd], LocalRunStartMode.Fresh, "the cluster state is missing" },
        { false, true, true, ["127.0.0.1:23791"], LocalRunStartMode.Refuse, "--pd-port" },
        { true, true, true, ["127.0.0.1:23791"], LocalRunStartMode.Fresh, "--fresh" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Local_run_resumes_only_a_whole_saved_state_for_the_same_pd(
        bool fresh, bool clusterState, bool world, string[] targets, LocalRunStartMode mode, string message)
    {
        var plan = LocalRunStartRules.Decide(fresh, clusterState, world, targets, Pd);

        plan.Mode.Should().Be(mode);
        plan.Message.Should().Contain(message);
    }

    [Fact]
    public void A_refused_resume_names_the_saved_target_and_both_ways_on()
    {
        var plan = LocalRunStartRules.Decide(false, true, true, ["127.0.0.1:23791"], Pd);

        plan.Message.Should().Contain(Pd).And.Contain("127.0.0.1:23791").And.Contain("--fresh");
    }
}
