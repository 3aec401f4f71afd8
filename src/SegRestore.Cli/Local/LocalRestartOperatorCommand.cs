using System.CommandLine;

namespace SegRestore.Cli.Local;

/// <summary>
/// <c>segrestore local restart-operator [--dir .tmp/run]</c>: asks the running `local run` of that directory to stop its
/// operator (SIGTERM: it releases its Lease) and start a new one, while LocalCluster, the fake PD and the worker pods
/// stay. Waits until the new operator answers /healthz.
/// </summary>
public static class LocalRestartOperatorCommand
{
    public static Command Create()
    {
        var directory = new Option<string>("--dir") { Description = "The --dir of the running `local run`.", DefaultValueFactory = _ => Path.Combine(".tmp", "run") };
        var timeout = new Option<int>("--timeout") { Description = "Seconds to wait for the new operator.", DefaultValueFactory = _ => 120 };
        var command = new Command("restart-operator", "Restart only the operator of a running `local run` (`make run`); the cluster, fake PD and workers stay.");
        command.Options.Add(directory);
        command.Options.Add(timeout);
        command.SetAction((parse, cancellationToken) =>
            RunAsync(Path.GetFullPath(parse.GetValue(directory)!), TimeSpan.FromSeconds(parse.GetValue(timeout)), cancellationToken));
        return command;
    }

    public static async Task<int> RunAsync(string directory, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var control = new LocalRunControl(directory);
        if (control.RunningPid() is not { } pid)
        {
            await Console.Error.WriteLineAsync(
                $"--dir '{directory}': no `segrestore local run` is running with this directory (no live pid in {control.PidFile}); " +
                "start it with `make run` (or pass the --dir it was started with)").ConfigureAwait(false);
            return 2;
        }

        var token = control.Request();
        Console.WriteLine($"asked local run (pid {pid}) to restart its operator");
        var answer = await control.WaitForAnswerAsync(token, timeout, cancellationToken).ConfigureAwait(false);
        if (answer is null)
        {
            await Console.Error.WriteLineAsync(
                $"--timeout {timeout.TotalSeconds:0}: local run (pid {pid}) did not report a restarted operator in time; " +
                $"see {Path.Combine(directory, "operator.log")} or raise --timeout").ConfigureAwait(false);
            return 1;
        }

        (answer.Succeeded ? Console.Out : Console.Error).WriteLine(answer.Message);
        return answer.Succeeded ? 0 : 1;
    }
}
