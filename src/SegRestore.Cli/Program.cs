using System.CommandLine;
using SegRestore.Cli.Commands;

namespace SegRestore.Cli;

/// <summary>The <c>segrestore</c> command line.</summary>
public static class Program
{
    public static int Main(string[] args)
    {
        var root = new RootCommand("SegRestore: segmented point-in-time restores of TiDB, declaratively.");
        root.Subcommands.Add(CrdCommand.Create());
        root.Subcommands.Add(LocalUpCommand.Create());
        root.Subcommands.Add(ManifestsCommand.Create());
        return root.Parse(args).Invoke();
    }
}
