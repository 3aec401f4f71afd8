using System.CommandLine;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;
using SegRestore.LocalCluster;
using SegRestore.LocalCluster.Kubelet;
using SegRestore.LocalRun;
using SegRestore.Pd.Testing;

namespace SegRestore.Cli.Local;

/// <summary>
/// <c>segrestore local run</c> (`make run`): everything a chain needs on one machine with no cluster: a simulated
/// BR world, a fake PD answering the simulated target's cluster id, LocalCluster with the process kubelet (the worker
/// image runs the worker, BR images run the simulator), the CRD, and the operator. Ctrl+C stops it all.
/// </summary>
public static class LocalRunCommand
{
    private static readonly TimeSpan OperatorStartTimeout = TimeSpan.FromSeconds(90);

    // SIGTERM first, so the operator releases its Lease and ends its watches cleanly.
    private static readonly TimeSpan OperatorStopGrace = TimeSpan.FromSeconds(15);

    public static Command Create()
    {
        var directory = new Option<string>("--dir") { Description = "Working directory (world, pods, logs, kubeconfig).", DefaultValueFactory = _ => Path.Combine(".tmp", "run") };
        var operatorDll = new Option<string>("--operator") { Description = "Path of SegRestore.Operator.dll.", Required = true };
        var workerDll = new Option<string>("--worker") { Description = "Path of SegRestore.Worker.dll.", Required = true };
        var brDll = new Option<string>("--br") { Description = "Path of the BR simulator's br.dll.", Required = true };
        var crd = new Option<string>("--crd") { Description = "The CRD file to apply.", DefaultValueFactory = _ => Path.Combine("crds", "segrestore.io_pointrestoresegments.yaml") };
        var tidbClusterCrd = new Option<string>("--tidbcluster-crd") { Description = "tidb-operator's TidbCluster CRD to apply (what SegRestore reads of it), so segments can name a TidbCluster.", DefaultValueFactory = _ => Path.Combine("config", "local", "pingcap.com_tidbclusters.yaml") };
        var pdPort = new Option<int>("--pd-port") { Description = "Port of the fake PD (the samples name 23790).", DefaultValueFactory = _ => LocalRunSettings.DefaultPdPort };
        var httpPort = new Option<int>("--http-port") { Description = "The operator's /metrics, /healthz, /readyz port.", DefaultValueFactory = _ => 18080 };
        var reporterPort = new Option<int>("--reporter-port") { Description = "The operator's worker reporter port.", DefaultValueFactory = _ => 18443 };
        var fresh = new Option<bool>("--fresh") { Description = "Start over: remove the saved cluster state, world and backups of --dir." };
        var command = new Command("run", "Start LocalCluster, a fake PD, the BR SIMULATOR and the operator: a whole SegRestore on this machine.");
        foreach (var option in new Option[] { directory, operatorDll, workerDll, brDll, crd, tidbClusterCrd, pdPort, httpPort, reporterPort, fresh })
        {
            command.Options.Add(option);
        }

        command.SetAction((parse, cancellationToken) => RunAsync(new LocalRunSettings
        {
            Directory = Path.GetFullPath(parse.GetValue(directory)!),
            OperatorDll = Path.GetFullPath(parse.GetValue(operatorDll)!),
            WorkerDll = Path.GetFullPath(parse.GetValue(workerDll)!),
            BrDll = Path.GetFullPath(parse.GetValue(brDll)!),
            CrdFile = Path.GetFullPath(parse.GetValue(crd)!),
            TidbClusterCrdFile = Path.GetFullPath(parse.GetValue(tidbClusterCrd)!),
            PdPort = parse.GetValue(pdPort),
            OperatorHttpPort = parse.GetValue(httpPort),
            ReporterPort = parse.GetValue(reporterPort),
            Fresh = parse.GetValue(fresh),
        }, cancellationToken));
        return command;
    }

    public static async Task<int> RunAsync(LocalRunSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        foreach (var (file, option) in new[] { (settings.OperatorDll, "--operator"), (settings.WorkerDll, "--worker"), (settings.BrDll, "--br"), (settings.CrdFile, "--crd") })
        {
            if (!File.Exists(file))
            {
                await Console.Error.WriteLineAsync($"{option} '{file}': no such file; build the projects first (`make run` does)").ConfigureAwait(false);
                return 2;
            }
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var onTerm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Cancel);
        using var onInt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Cancel);
        cancellationToken = stop.Token;
        Directory.CreateDirectory(settings.Directory);
        var control = new LocalRunControl(settings.Directory);
        if (control.RunningPid() is { } other && other != Environment.ProcessId)
        {
            await Console.Error.WriteLineAsync($"--dir '{settings.Directory}': another `local run` (pid {other}) uses it; stop that one or pass another --dir").ConfigureAwait(false);
            return 2;
        }

        control.Announce();
        try
        {
            return await RunAnnouncedAsync(settings, control, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            control.Withdraw();
        }

        void Cancel(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.Cancel();
        }
    }

    private static async Task<int> RunAnnouncedAsync(LocalRunSettings settings, LocalRunControl control, CancellationToken cancellationToken)
    {
        Say("BR is SIMULATED: every image matching '" + LocalRunSettings.BrImagePattern + "' runs the BR simulator " +
            "(tests/SegRestore.BrSim) over a generated world, not a real TiDB. Use a real cluster for real restores.");
        var (prepared, plan) = await LocalRunWorld.PrepareAsync(settings, cancellationToken).ConfigureAwait(false);
        if (prepared is not { } world)
        {
            await Console.Error.WriteLineAsync(plan.Message).ConfigureAwait(false);
            return 2;
        }

        Say(plan.Message);
        await world.AddHostAsync(LocalRunSettings.SamplePdService, settings.PdAddress, cancellationToken).ConfigureAwait(false);
        Say($"simulated world: {world.Directory} (backups {LocalRunSettings.PodFullBackupUrl} and {LocalRunSettings.PodLogBackupUrl} are {settings.StorageRoot}, restore points {string.Join(", ", world.Manifest.RestorePoints)})");
        await using var pd = await FakePdServer.StartAsync(
            new FakePdOptions { Port = settings.PdPort, ClusterId = world.TargetClusterIds[settings.PdAddress] }, cancellationToken).ConfigureAwait(false);
        Say($"fake PD at {settings.PdAddress} (cluster id {world.TargetClusterIds[settings.PdAddress]}, the simulated target's)");

        using var loggers = LoggerFactory.Create(b => b.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning));
        await using var cluster = await LocalClusterServer.StartAsync(new LocalClusterOptions
        {
            LoggerFactory = loggers,
            DataFile = settings.ClusterDataFile,
            Kubelet = new KubeletOptions
            {
                WorkDirectory = Path.Combine(settings.Directory, "pods"),
                Images =
                [
                    new ImageCommand(LocalRunSettings.WorkerImage, "dotnet")
                    {
                        Arguments = [settings.WorkerDll],
                        Paths = new Dictionary<string, string> { [LocalRunSettings.PodStorageRoot] = settings.StorageRoot },
                    },
                    new ImageCommand(LocalRunSettings.BrImagePattern, world.WrapperPath)
                    {
                        Paths = new Dictionary<string, string>
                        {
                            ["/br"] = world.WrapperPath,
                            [LocalRunSettings.PodStorageRoot] = settings.StorageRoot,
                        },
                    },
                ],
            },
        }, cancellationToken).ConfigureAwait(false);
        await cluster.WriteKubeconfigAsync(settings.KubeconfigPath, cancellationToken).ConfigureAwait(false);
        Say($"LocalCluster at {cluster.BaseUrl} (process kubelet: {LocalRunSettings.WorkerImage} runs the worker)");
        await ApplyCrdAsync(settings, cancellationToken).ConfigureAwait(false);
        Say("CRD applied: " + settings.CrdFile);
        if (settings.TidbClusterCrdFile is { } tidbClusterCrdFile && File.Exists(tidbClusterCrdFile))
        {
            await KubectlApplyAsync(settings, tidbClusterCrdFile, cancellationToken).ConfigureAwait(false);
            Say("TidbCluster CRD applied (tidb-operator's, reduced to what SegRestore reads): " + tidbClusterCrdFile);
        }

        using var operatorProcess = new ServiceProcess("operator", settings.OperatorDll, LocalOperatorEnvironment.For(settings, settings.KubeconfigPath), settings.OperatorHttpPort, settings.OperatorLog);
        await operatorProcess.StartAsync(OperatorStartTimeout, cancellationToken).ConfigureAwait(false);
        Say($"operator running (log {settings.OperatorLog}; metrics http://127.0.0.1:{settings.OperatorHttpPort}/metrics)");
        var cli = CliInvocation.Current();
        Console.WriteLine($"""

            Ready. BR is SIMULATED. Kubeconfig: {settings.KubeconfigPath}
            In another terminal:
              export KUBECONFIG={settings.KubeconfigPath}
              kubectl apply -f config/samples/local-demo/
              kubectl get prs
              {cli} status local-demo-0 --watch
            (or `make demo`; `make plugin` puts `segrestore` and `kubectl segrestore` into ~/.local/bin).
            Restart only the operator: {cli} local restart-operator --dir {settings.Directory}
            Ctrl+C stops the operator, LocalCluster and the fake PD; the state stays in {settings.ClusterDataFile} for the next start (--fresh starts over).
            """);
        try
        {
            while (!operatorProcess.HasExited)
            {
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken).ConfigureAwait(false);
                if (control.TakeRequest() is { } token)
                {
                    control.Answer(await RestartOperatorAsync(operatorProcess, settings, token, cancellationToken).ConfigureAwait(false));
                }
            }

            await Console.Error.WriteLineAsync($"local run: the operator exited; see {settings.OperatorLog}").ConfigureAwait(false);
            return 1;
        }
        catch (OperationCanceledException)
        {
            Say("stopping");
            await operatorProcess.StopAsync(OperatorStopGrace).ConfigureAwait(false);
            return 0;
        }
    }

    /// <summary>`local restart-operator`: SIGTERM (the operator releases its Lease and ends its watches), then a new
    /// operator process; LocalCluster, the fake PD and the worker pods are not touched.</summary>
    private static async Task<LocalRunControlAnswer> RestartOperatorAsync(ServiceProcess operatorProcess, LocalRunSettings settings, string token, CancellationToken cancellationToken)
    {
        Say("restarting the operator (asked by `local restart-operator`)");
        await operatorProcess.StopAsync(OperatorStopGrace).ConfigureAwait(false);
        try
        {
            await operatorProcess.StartAsync(OperatorStartTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException)
        {
            Say("the restarted operator did not come up: " + e.Message);
            return new LocalRunControlAnswer(token, false, $"the restarted operator did not come up; see {settings.OperatorLog}");
        }

        var message = $"operator restarted (pid {operatorProcess.Pid}; log {settings.OperatorLog})";
        Say(message);
        return new LocalRunControlAnswer(token, true, message);
    }

    private static async Task KubectlApplyAsync(LocalRunSettings settings, string file, CancellationToken cancellationToken)
    {
        var applied = await ChildProcess.RunAsync("kubectl", ["--kubeconfig", settings.KubeconfigPath, "apply", "-f", file], cancellationToken: cancellationToken).ConfigureAwait(false);
        if (applied.ExitCode != 0)
        {
            throw new InvalidOperationException($"kubectl apply -f {file} failed: {applied.Stderr}");
        }
    }

    private static async Task ApplyCrdAsync(LocalRunSettings settings, CancellationToken cancellationToken)
    {
        await KubectlApplyAsync(settings, settings.CrdFile, cancellationToken).ConfigureAwait(false);

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while ((await ChildProcess.RunAsync("kubectl", ["--kubeconfig", settings.KubeconfigPath, "get", "prs", "-A"], cancellationToken: cancellationToken).ConfigureAwait(false)).ExitCode != 0)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("the PointRestoreSegment CRD was not served within 60 s");
            }

            await Task.Delay(250, cancellationToken).ConfigureAwait(false);
        }
    }

    private static void Say(string line) => Console.WriteLine("local run: " + line);
}
