using System.Globalization;
using SegRestore.Api.Models;
using SegRestore.Api.Serialization;
using SegRestore.Kube.Client;
using SegRestore.Kube.Serialization;
using SegRestore.LocalCluster;
using SegRestore.LocalCluster.Kubelet;
using SegRestore.Pd.Testing;
using Xunit.Abstractions;

namespace SegRestore.E2E.Tests.Infrastructure;

/// <summary>
/// One test's world: a fake PD answering the simulated target's cluster id, a BR simulator world (and its BR image),
/// LocalCluster in-process with the process kubelet (worker and BR images mapped to local programs) and the CRD
/// applied, and the operator as a real process. Everything lives under <c>.tmp/e2e/&lt;test&gt;</c>.
/// </summary>
public sealed partial class E2EEnvironment : IAsyncDisposable
{
    public const string Namespace = "default";
    public const string WorkerImage = "segrestore/worker:e2e";
    public const string BrImage = "pingcap/br:e2e";

    private static readonly TimeSpan OperatorStartTimeout = TimeSpan.FromSeconds(30);

    private E2EEnvironment(string directory, ITestOutputHelper output, FakePdServer pd, BrSimWorld world)
    {
        Directory = directory;
        Output = output;
        Pd = pd;
        World = world;
    }

    public string Directory { get; }

    public ITestOutputHelper Output { get; }

    public FakePdServer Pd { get; }

    /// <summary>"127.0.0.1:port" of the fake PD: the segments' cluster.pd and the simulated target's address.</summary>
    public string PdAddress => $"127.0.0.1:{Pd.Address.Port}";

    /// <summary>The world behind <see cref="BrImage"/>.</summary>
    public BrSimWorld World { get; }

    /// <summary>The fake PDs of <see cref="E2EOptions.ExtraTargets"/>, each answering the cluster id of its own
    /// target in <see cref="World"/>; a chain's cluster.pd is <c>127.0.0.1:&lt;port&gt;</c> of one of them.</summary>
    public IReadOnlyList<FakePdServer> ExtraPds { get; private set; } = [];

    /// <summary>Worlds behind <see cref="E2EOptions.ExtraBrImages"/>, by image.</summary>
    public Dictionary<string, BrSimWorld> ExtraWorlds { get; } = [];

    public LocalClusterServer Cluster { get; private set; } = null!;

    public KubernetesClient Client { get; private set; } = null!;

    public string KubeconfigPath => Path.Combine(Directory, "kubeconfig");

    public OperatorProcess Operator { get; private set; } = null!;

    public static async Task<E2EEnvironment> StartAsync(ITestOutputHelper output, string testName, E2EOptions? options = null)
    {
        options ??= new E2EOptions();
        var directory = Path.Combine(RepoLayout.TmpDirectory, "e2e", testName);
        if (System.IO.Directory.Exists(directory))
        {
            System.IO.Directory.Delete(directory, recursive: true);
        }

        System.IO.Directory.CreateDirectory(directory);
        var pd = await FakePdServer.StartAsync();
        var extraPds = new List<FakePdServer>();
        E2EEnvironment? environment = null;
        try
        {
            for (var i = 0; i < options.ExtraTargets; i++)
            {
                extraPds.Add(await FakePdServer.StartAsync());
            }

            var pdAddress = $"127.0.0.1:{pd.Address.Port}";
            var world = await BrSimWorld.CreateAsync(Path.Combine(directory, "world"), pdAddress, options.Seed, options.Points,
                [.. extraPds.Select(AddressOf)]);
            pd.ClusterId = world.TargetClusterId;
            foreach (var extra in extraPds)
            {
                extra.ClusterId = world.TargetClusterIds[AddressOf(extra)];
            }

            environment = new E2EEnvironment(directory, output, pd, world) { ExtraPds = extraPds };
            for (var i = 0; i < options.ExtraBrImages.Count; i++)
            {
                var extra = await BrSimWorld.CreateAsync(
                    Path.Combine(directory, "world-" + (i + 2).ToString(CultureInfo.InvariantCulture)), pdAddress, options.Seed, options.Points);
                environment.ExtraWorlds[options.ExtraBrImages[i]] = extra;
            }

            await environment.StartClusterAsync(options.OperatorSettings);
            if (options.StartOperator)
            {
                await environment.StartOperatorAsync();
            }

            return environment;
        }
        catch
        {
            if (environment is not null)
            {
                await environment.DisposeAsync();
            }
            else
            {
                await pd.DisposeAsync();
                foreach (var extra in extraPds)
                {
                    await extra.DisposeAsync();
                }
            }

            throw;
        }
    }

    /// <summary>"127.0.0.1:port" of a fake PD.</summary>
    public static string AddressOf(FakePdServer pd)
    {
        ArgumentNullException.ThrowIfNull(pd);
        return $"127.0.0.1:{pd.Address.Port}";
    }

    public Task StartOperatorAsync() => Operator.StartAsync(OperatorStartTimeout);

    /// <summary>SIGKILL of the operator: no shutdown code, open watches and in-flight writes just stop.</summary>
    public void KillOperator() => Operator.Kill();

    public Task RestartOperatorAsync() => Operator.RestartAsync(OperatorStartTimeout);

    public async ValueTask DisposeAsync()
    {
        Operator?.Dispose();
        if (Cluster is not null)
        {
            await Cluster.DisposeAsync();
        }

        Client?.Dispose();
        await Pd.DisposeAsync();
        foreach (var extra in ExtraPds)
        {
            await extra.DisposeAsync();
        }
    }

    private async Task StartClusterAsync(IReadOnlyDictionary<string, string> operatorSettings)
    {
        var images = new List<ImageCommand>
        {
            new(WorkerImage, "dotnet") { Arguments = [RepoLayout.WorkerDll] },
            BrImageCommand(BrImage, World),
        };
        images.AddRange(ExtraWorlds.Select(w => BrImageCommand(w.Key, w.Value)));
        Cluster = await LocalClusterServer.StartAsync(
            new LocalClusterOptions
            {
                Kubelet = new KubeletOptions { Images = images, WorkDirectory = Path.Combine(Directory, "pods") },
            },
            CancellationToken.None);
        await Cluster.WriteKubeconfigAsync(KubeconfigPath, CancellationToken.None);
        Client = new KubernetesClient(
            KubernetesClientConfiguration.BuildConfigFromConfigText(Cluster.Kubeconfig),
            KubernetesJson.Create(SegRestoreJsonContext.Default));
        var applied = await KubectlAsync("apply", "-f", RepoLayout.CrdFile);
        if (applied.ExitCode != 0)
        {
            throw new InvalidOperationException($"kubectl apply of the CRD failed: {applied.Describe()}");
        }

        await Poll.UntilAsync(
            async () =>
            {
                try
                {
                    await Client.ListAsync<PointRestoreSegment>(Namespace);
                    return true;
                }
                catch (KubernetesException e) when (e.IsNotFound)
                {
                    return false;
                }
            },
            TimeSpan.FromSeconds(30),
            "the PointRestoreSegment CRD to be served");

        var reporterPort = FreePort.Next();
        var httpPort = FreePort.Next();
        var environment = new Dictionary<string, string>
        {
            ["KUBECONFIG"] = KubeconfigPath,
            ["Operator__Namespace"] = Namespace,
            ["Operator__WorkerImage"] = WorkerImage,
            ["Operator__DefaultBrImage"] = BrImage,
            ["Operator__ReporterPort"] = reporterPort.ToString(CultureInfo.InvariantCulture),
            ["Operator__ReporterUrl"] = $"http://127.0.0.1:{reporterPort}",
            ["Operator__HttpPort"] = httpPort.ToString(CultureInfo.InvariantCulture),
            ["Operator__WorkerSyncIntervalSeconds"] = "1",
            ["Operator__WorkerProgressIntervalSeconds"] = "1",
            ["Operator__ProgressWriteIntervalSeconds"] = "1",
            ["Ledger__Store"] = "configMap",
            ["Ledger__Namespace"] = Namespace,
            ["Logging__Console__FormatterName"] = "simple",
        };
        foreach (var (name, value) in operatorSettings)
        {
            environment[name] = value;
        }

        Operator = new OperatorProcess(environment, httpPort, Path.Combine(Directory, "operator.log"));
    }

    private static ImageCommand BrImageCommand(string image, BrSimWorld world) =>
        // The init container runs `cp /br <bin>/br`: /br maps to the wrapper; the executable is only used by a
        // container without a command.
        new(image, world.WrapperPath) { Paths = new Dictionary<string, string> { ["/br"] = world.WrapperPath } };
}
