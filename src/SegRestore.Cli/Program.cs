using System.CommandLine;
using System.CommandLine.Help;
using SegRestore.Cli.Commands;

namespace SegRestore.Cli;

/// <summary>The <c>segrestore</c> command line (also the kubectl plugin <c>kubectl segrestore</c>).</summary>
public static class Program
{
    /// <summary>Set to 1 by the kubectl-segrestore wrapper (`make plugin`), so help names the plugin (kubectl-segrestore), not segrestore.</summary>
    public const string PluginVariable = "SEGRESTORE_KUBECTL_PLUGIN";

    private const string Description = "SegRestore: segmented point-in-time restores of TiDB, declaratively.";

    public static int Main(string[] args) => Create(Environment.GetEnvironmentVariable(PluginVariable) == "1").Parse(args).Invoke();

    /// <summary>The command tree; one line per command keeps additions easy to merge.</summary>
    public static Command Create(bool asKubectlPlugin = false)
    {
        var root = asKubectlPlugin
            ? new Command("kubectl-segrestore", Description) { Options = { new HelpOption(), new VersionOption() } }
            : new RootCommand(Description);
        root.Subcommands.Add(CrdCommand.Create());
        root.Subcommands.Add(LocalUpCommand.Create());
        root.Subcommands.Add(LogsCommand.Create());
        root.Subcommands.Add(ManifestsCommand.Create());
        root.Subcommands.Add(PlanCommand.Create());
        root.Subcommands.Add(StatusCommand.Create());
        root.Subcommands.Add(ValidateCommand.Create());
        return root;
    }
}
