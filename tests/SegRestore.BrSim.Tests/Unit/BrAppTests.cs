using SegRestore.BrSim.Cli;

namespace SegRestore.BrSim.Tests.Unit;

/// <summary>The command tree in-process: exit codes and where the texts go.</summary>
public sealed class BrAppTests
{
    private static async Task<(int Exit, string Out, string Err)> Run(Dictionary<string, string> env, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var context = new BrAppContext(name => env.GetValueOrDefault(name), output, error, TimeProvider.System,
            code => throw new InvalidOperationException($"hard exit {code}"), StderrIsTerminal: false);
        var exit = await new BrApp(context).RunAsync(args, CancellationToken.None);
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Version_prints_brs_six_lines()
    {
        var (exit, output, _) = await Run([], "--version");
        exit.Should().Be(0);
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l[..l.IndexOf(':', StringComparison.Ordinal)])
            .Should().Equal("Release Version", "Git Commit Hash", "Git Branch", "Go Version", "UTC Build Time", "Race Enabled");
    }

    [Fact]
    public async Task Restore_without_a_world_is_a_simulator_misconfiguration_not_a_br_error()
    {
        var (exit, output, error) = await Run([], "restore", "point", "-s", "local:///nowhere", "--start-ts", "1");
        exit.Should().Be(2);
        output.Should().BeEmpty();
        error.Should().Contain("BRSIM_WORLD");
    }

    [Fact]
    public async Task An_unknown_command_fails_like_br()
    {
        var (exit, output, _) = await Run([], "restore", "galaxy");
        exit.Should().Be(1);
        output.Should().Contain("[\"br failed\"]").And.Contain("unknown command");
    }

    [Fact]
    public async Task A_bad_dialect_setting_names_the_variable_and_the_choices()
    {
        var (exit, _, error) = await Run(new() { ["BRSIM_DIALECT"] = "v3" }, "--version");
        exit.Should().Be(2);
        error.Should().Contain("BRSIM_DIALECT='v3'").And.Contain("last-segment, last, none");
    }
}
