using SegRestore.BrSim.Faults;

namespace SegRestore.BrSim.Tests.Unit;

public sealed class FaultGateTests
{
    [Fact]
    public void Parses_several_gates_with_normalized_steps_and_the_file_after_the_second_colon() =>
        FaultGate.ParseList("idmap-build:0:/tmp/g1, Restore Meta Files:100:/tmp/a:b", "BRSIM_GATE_AT").Should().Equal(
            new FaultGate("idmap-build", 0, "/tmp/g1"),
            new FaultGate("meta", 100, "/tmp/a:b"));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void No_setting_means_no_gates(string? text) =>
        FaultGate.ParseList(text, "BRSIM_GATE_AT").Should().BeEmpty();

    [Theory]
    [InlineData("meta:30")]
    [InlineData("meta:x:/tmp/g")]
    [InlineData("meta:101:/tmp/g")]
    [InlineData("meta:30: ")]
    public void Rejects_bad_settings_naming_the_variable_and_the_entry(string text)
    {
        var act = () => FaultGate.ParseList(text, "BRSIM_GATE_AT");
        act.Should().Throw<ArgumentException>().WithMessage($"BRSIM_GATE_AT='{text}': '*' is not <step>:<percent>:<file>*");
    }

    [Theory]
    [InlineData("meta", 30, true)]
    [InlineData("meta", 100, true)]
    [InlineData("meta", 29.9, false)]
    [InlineData("log", 50, false)]
    public void Is_reached_at_its_step_from_its_percentage_on(string step, double percent, bool reached) =>
        new FaultGate("meta", 30, "/tmp/g").IsAt(step, percent).Should().Be(reached);
}
