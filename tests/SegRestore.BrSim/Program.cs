using System.Runtime.InteropServices;
using SegRestore.BrSim.Cli;

namespace SegRestore.BrSim;

/// <summary>
/// `br`: a SIMULATOR of BR's command line over a simulated TiDB cluster (see README.md). SIGTERM and SIGINT cancel
/// the run the way BR's context cancellation does: progress already checkpointed stays, exit code 1.
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        using var cancellation = new CancellationTokenSource();
        void Cancel(PosixSignalContext context)
        {
            context.Cancel = true;
            cancellation.Cancel();
        }

        using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Cancel);
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Cancel);
        var context = new BrAppContext(
            Environment.GetEnvironmentVariable,
            Console.Out,
            Console.Error,
            TimeProvider.System,
            code =>
            {
                Console.Out.Flush();
                Environment.Exit(code);
            },
            StderrIsTerminal: !Console.IsErrorRedirected,
            StdoutIsTerminal: !Console.IsOutputRedirected);
        return await new BrApp(context).RunAsync(args, cancellation.Token).ConfigureAwait(false);
    }
}
