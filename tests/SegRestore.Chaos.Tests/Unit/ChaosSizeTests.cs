using SegRestore.Chaos.Tests.Infrastructure;

namespace SegRestore.Chaos.Tests.Unit;

public sealed class ChaosSizeTests
{
    [Fact]
    public void Unset_variables_keep_the_bounded_defaults_and_the_fixed_seed() =>
        ChaosSize.FromEnvironment(3, 3, _ => null).Should().Be(new ChaosSize(3, 3, ChaosSize.DefaultSeed));

    [Fact]
    public void The_long_run_is_chosen_by_environment()
    {
        var variables = new Dictionary<string, string> { ["CHAOS_CHAINS"] = "20", ["CHAOS_SEGMENTS"] = "4", ["CHAOS_SEED"] = "99" };
        var size = ChaosSize.FromEnvironment(3, 3, variables.GetValueOrDefault);
        size.Should().Be(new ChaosSize(20, 4, 99));
        size.ReplayVariables.Should().Be("CHAOS_SEED=99 CHAOS_CHAINS=20 CHAOS_SEGMENTS=4");
    }

    [Theory]
    [InlineData("CHAOS_CHAINS", "many")]
    [InlineData("CHAOS_CHAINS", "0")]
    [InlineData("CHAOS_SEGMENTS", "1")]
    [InlineData("CHAOS_SEED", "-5")]
    public void A_bad_value_is_refused_naming_the_variable_the_value_and_the_fix(string name, string value)
    {
        var act = () => ChaosSize.FromEnvironment(3, 3, n => n == name ? value : null);
        act.Should().Throw<ArgumentException>().WithMessage($"{name}='{value}' is not a whole number from *; set e.g. {name}=*");
    }

    [Theory]
    [InlineData(9, 40)]
    [InlineData(12, 40)]
    [InlineData(13, 3)]
    [InlineData(80, 3)]
    public void The_long_run_slows_BR_down_so_that_its_fault_budget_is_spent_before_the_chains_finalize(int segmentsInRun, int expected) =>
        ChaosRun.BrKvPerSecond(segmentsInRun).Should().Be(expected);
}
