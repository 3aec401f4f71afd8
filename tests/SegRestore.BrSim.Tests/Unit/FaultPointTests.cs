using SegRestore.BrSim.Faults;

namespace SegRestore.BrSim.Tests.Unit;

public sealed class FaultPointTests
{
    [Theory]
    [InlineData("log:50", "log", 50.0, 1)]
    [InlineData("Restore Files(SST + Log):25:3", "log", 25.0, 3)]
    [InlineData("full:0", "full", 0.0, 1)]
    [InlineData("2", "start", 0.0, 2)]
    public void Parses_step_percent_and_times(string text, string step, double percent, int times) =>
        FaultPoint.Parse(text, "BRSIM_KILL_AT").Should().Be(new FaultPoint(step, percent, times));

    [Theory]
    [InlineData("log")]
    [InlineData("log:150")]
    [InlineData("log:50:x")]
    public void Rejects_bad_settings_naming_the_variable(string text)
    {
        var act = () => FaultPoint.Parse(text, "BRSIM_KILL_AT");
        act.Should().Throw<ArgumentException>().WithMessage($"BRSIM_KILL_AT='{text}'*");
    }
}
