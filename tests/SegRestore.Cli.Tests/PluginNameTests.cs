using System.Diagnostics;
using SegRestore.Api.Tests.Support;
using SegRestore.Cli.Commands;

namespace SegRestore.Cli.Tests;

public class PluginNameTests
{
    [Fact]
    public void As_a_kubectl_plugin_the_root_command_is_named_kubectl_segrestore_and_the_commands_are_the_same()
    {
        var plugin = Program.Create(asKubectlPlugin: true);
        var plain = Program.Create();

        plugin.Name.Should().Be("kubectl-segrestore");
        plugin.Subcommands.Select(c => c.Name).Should().Equal(plain.Subcommands.Select(c => c.Name));
        plugin.Parse(["status", "orders-0", "-n", "tidb"]).Errors.Should().BeEmpty();
    }

    [Fact]
    public void The_installed_kubectl_segrestore_wrapper_runs_the_cli()
    {
        using var prefix = new TestDirectory();
        var install = Run(RepositoryPaths.Combine("tests", "setup", "install-plugin.sh"), [], new() { ["PREFIX"] = prefix.Path, ["CONFIGURATION"] = Configuration(), ["NO_BUILD"] = "1" });
        install.ExitCode.Should().Be(0, install.Output);

        var help = Run(Path.Combine(prefix.Path, "kubectl-segrestore"), ["--help"], []);
        var validate = Run(Path.Combine(prefix.Path, "kubectl-segrestore"), ["validate", "-f", RepositoryPaths.Combine("config", "samples", "local-demo")], []);

        help.ExitCode.Should().Be(0, help.Output);
        help.Output.Should().Contain("kubectl-segrestore [command] [options]").And.Contain("status");
        validate.ExitCode.Should().Be(0, validate.Output);
        validate.Output.Should().Contain("0 error(s)");
    }

    // bin/<configuration>/<tfm>/ of this test assembly names the configuration the CLI was built in.
    private static string Configuration() => new DirectoryInfo(AppContext.BaseDirectory.TrimEnd('/')).Parent!.Name;

    private static (int ExitCode, string Output) Run(string program, string[] arguments, Dictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit(TimeSpan.FromMinutes(5)).Should().BeTrue($"{program} finished");
        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}
