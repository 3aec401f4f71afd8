using System.CommandLine;

namespace SegRestore.Cli;

/// <summary>The <c>segrestore</c> command line.</summary>
public static class Program
{
    public static int Main(string[] args)
    {
        var root = new RootCommand("SegRestore: segmented point-in-time restores of TiDB, declaratively.");
        root.Subcommands.Add(Commands.LocalUpCommand.Create());
        return root.Parse(args).Invoke();
    }
}
