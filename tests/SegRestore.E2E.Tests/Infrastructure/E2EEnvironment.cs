using System.Globalization;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;
using SegRestore.Api.Models;
using SegRestore.Api.Serialization;
using SegRestore.Kube.Client;
using SegRestore.LocalCluster;
using SegRestore.LocalCluster.Kubelet;
using SegRestore.LocalCluster.Security;
using SegRestore.LocalRun;
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

    /// <summary>A well-formed BR image the emulated registry does not have (its pods wait in ImagePullBackOff).</summary>
    public const string MissingBrImage = "pingcap/br:v0.0.0-e2e-missing";
    public const string ReporterCaSecret = "reporter-ca";

    /// <summary>The test's own client, told apart from the operator's (segrestore-kube/...) in LocalCluster's request log.</summary>
    public const string TestUserAgent = "segrestore-e2e-test/1.0";

    private static readonly TimeSpan OperatorStartTimeout = TimeSpan.FromSeconds(30);

    private readonly ILoggerFactory _loggers;

    private E2EEnvironment(string directory, ITestOutputHelper output, IReadOnlyList<FakePdServer> pds, BrSimWorld world)
    {
        Directory = directory;
        Output = output;
        Pds = pds;
        World = world;
        _loggers = LoggerFactory.Create(b => b.AddProvider(new FileLoggerProvider(Path.Combine(directory, "localcluster.log"))));
    }

    public string Directory { get; }

    public ITestOutputHelper Output { get; }

    public FakePdServer Pd => Pds[0];

    /// <summary>One fake PD per target of <see cref="World"/> (<see cref="E2EOptions.Targets"/>).</summary>
    public IReadOnlyList<FakePdServer> Pds { get; }

    /// <summary>"127.0.0.1:port" of the fake PD: the segments' cluster.pd and the simulated target's address.</summary>
    public string PdAddress => AddressOf(Pd);

    public static string AddressOf(FakePdServer pd)
    {
        ArgumentNullException.ThrowIfNull(pd);
        return $"127.0.0.1:{pd.Address.Port}";
    }

    /// <summary>The world behind <see cref="BrImage"/>.</summary>
    public BrSimWorld World { get; }

    /// <summary>Worlds behind <see cref="E2EOptions.ExtraBrImages"/>, by image.</summary>
    public Dictionary<string, BrSimWorld> ExtraWorlds { get; } = [];

    public LocalClusterServer Cluster { get; private set; } = null!;

    public KubernetesClient Client { get; private set; } = null!;

    public string KubeconfigPath => Path.Combine(Directory, "kubeconfig");

    /// <summary>Container logs of every pod of the run, kept after the pods are gone.</summary>
    public string PodLogsDirectory => Path.Combine(Directory, "pod-logs");

    public ServiceProcess Operator { get; private set; } = null!;

    public static async Task<E2EEnvironment> StartAsync(ITestOutputHelper output, string testName, E2EOptions? options = null)
    {
        options ??= new E2EOptions();
        var directory = Path.Combine(RepoLayout.TmpDirectory, options.Area, testName);
        if (System.IO.Directory.Exists(directory))
        {
            System.IO.Directory.Delete(directory, recursive: true);
        }

        System.IO.Directory.CreateDirectory(directory);
        var pds = new List<FakePdServer>();
        E2EEnvironment? environment = null;
        try
        {
            for (var i = 0; i < Math.Max(1, options.Targets); i++)
            {
                pds.Add(await FakePdServer.StartAsync());
            }

            var pdAddress = AddressOf(pds[0]);
            var world = await BrSimWorld.CreateAsync(Path.Combine(directory, "world"), pds.Select(AddressOf).ToList(), options.Seed, options.Points);
            foreach (var pd in pds)
            {
                pd.ClusterId = world.TargetClusterIds[AddressOf(pd)];
            }

            environment = new E2EEnvironment(directory, output, pds, world);
            for (var i = 0; i < options.ExtraBrImages.Count; i++)
            {
                var extra = await BrSimWorld.CreateAsync(
                    Path.Combine(directory, "world-" + (i + 2).ToString(CultureInfo.InvariantCulture)), pdAddress, options.Seed, options.Points);
                environment.ExtraWorlds[options.ExtraBrImages[i]] = extra;
            }

            await environment.StartClusterAsync(options);
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
                foreach (var pd in pds)
                {
                    await pd.DisposeAsync();
                }
            }

            throw;
        }
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
            await SavePodLogsAsync();
            await KillLeftoverContainersAsync();
            await Cluster.DisposeAsync();
        }

        _loggers.Dispose();
        if (SqlFace is not null)
        {
            await SqlFace.DisposeAsync();
        }

        Client?.Dispose();
        foreach (var pd in Pds)
        {
            await pd.DisposeAsync();
        }
    }

    /// <summary>The reporter's PEM files when <see cref="E2EOptions.ReporterTls"/> is on (the key is a planted secret
    /// for the secret scan).</summary>
    public PemFileSet? ReporterTlsFiles { get; private set; }

    private async Task StartClusterAsync(E2EOptions options)
    {
        var images = new List<ImageCommand>
        {
            new(WorkerImage, "dotnet") { Arguments = [options.WorkerDll ?? RepoLayout.WorkerDll] },
            BrImageCommand(BrImage, World),
        };
        images.AddRange(ExtraWorlds.Select(w => BrImageCommand(w.Key, w.Value)));
        Cluster = await LocalClusterServer.StartAsync(
            new LocalClusterOptions
            {
                Kubelet = new KubeletOptions
                {
                    Images = images,
                    MissingImages = [MissingBrImage],
                    WorkDirectory = Path.Combine(Directory, "pods"),
                    LogArchiveDirectory = PodLogsDirectory,
                },
                LoggerFactory = _loggers,
            },
            CancellationToken.None);
        await Cluster.WriteKubeconfigAsync(KubeconfigPath, CancellationToken.None);
        Client = new KubernetesClient(
            KubeConfiguration.FromText(Cluster.Kubeconfig).WithUserAgent(TestUserAgent),
            SegRestoreEntityJson.Instance);
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
                catch (KubernetesApiException e) when (e.IsNotFound)
                {
                    return false;
                }
            },
            TimeSpan.FromSeconds(30),
            "the PointRestoreSegment CRD to be served");

        var aliases = options.TidbCluster is { } tidbCluster ? await CreateTidbClusterAsync(tidbCluster, options.SqlFace) : null;
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
        if (aliases is not null)
        {
            environment["Operator__EndpointAliases"] = aliases;
        }

        foreach (var (name, value) in options.OperatorEnvironment)
        {
            if (value.Length == 0)
            {
                environment.Remove(name);
            }
            else
            {
                environment[name] = value;
            }
        }

        if (options.ReporterTls)
        {
            await ConfigureReporterTlsAsync(environment, reporterPort);
        }

        Operator = new ServiceProcess("operator", RepoLayout.OperatorDll, environment, httpPort, Path.Combine(Directory, "operator.log"));
    }

    /// <summary>tidb-operator's CRD, a TidbCluster without cluster TLS, and its PD Service name made to reach the
    /// first target; gives the operator's Operator__EndpointAliases.</summary>
    private async Task<string> CreateTidbClusterAsync(string name, IReadOnlyDictionary<string, string>? sqlFaults)
    {
        var applied = await KubectlAsync("apply", "-f", Path.Combine(RepoLayout.Root, "config", "local", "pingcap.com_tidbclusters.yaml"));
        if (applied.ExitCode != 0)
        {
            throw new InvalidOperationException($"kubectl apply of the TidbCluster CRD failed: {applied.Describe()}");
        }

        var manifest = $"apiVersion: pingcap.com/v1alpha1\nkind: TidbCluster\nmetadata:\n  name: {name}\n  namespace: {Namespace}\n" +
            "spec:\n  version: v8.5.0\n  pd: { replicas: 3 }\n  tikv: { replicas: 3 }\n  tidb: { replicas: 2 }\n";
        await Poll.UntilAsync(
            async () => (await KubectlApplyAsync(manifest, name + "-tidbcluster.yaml")).ExitCode == 0,
            TimeSpan.FromSeconds(30),
            "the TidbCluster CRD to be served");
        var pdService = $"{name}-pd.{Namespace}:{Api.Chain.ClusterTarget.PdPort.ToString(CultureInfo.InvariantCulture)}";
        await World.AddHostAsync(pdService);
        if (sqlFaults is null)
        {
            return pdService + "=" + PdAddress;
        }

        SqlFace = await SqlFaceProcess.StartAsync(World, SqlPassword, sqlFaults);
        return $"{pdService}={PdAddress},{name}-tidb.{Namespace}:{Api.Chain.ClusterTarget.TidbPort.ToString(CultureInfo.InvariantCulture)}={SqlFace.Address}";
    }

    /// <summary>The SQL face's password: planted, so a test can check it appears nowhere.</summary>
    public string SqlPassword { get; } = PlantedSecrets.NewValue("planted-sql-password-");

    /// <summary>The SIMULATED SQL face when <see cref="E2EOptions.SqlFace"/> asked for it.</summary>
    public SqlFaceProcess? SqlFace { get; private set; }

    private async Task ConfigureReporterTlsAsync(Dictionary<string, string> environment, int reporterPort)
    {
        using var authority = CertificateAuthority.Create(TimeProvider.System);
        ReporterTlsFiles = authority.WritePemFiles(Path.Combine(Directory, "reporter-tls"));
        await Client.CreateAsync(new V1Secret
        {
            Metadata = new V1ObjectMeta { Name = ReporterCaSecret, NamespaceProperty = Namespace },
            Data = new Dictionary<string, byte[]> { ["ca.crt"] = await File.ReadAllBytesAsync(ReporterTlsFiles.CaFile) },
        });
        environment["Operator__ReporterUrl"] = $"https://127.0.0.1:{reporterPort}";
        environment["Operator__ReporterTls__CertFile"] = ReporterTlsFiles.CertFile;
        environment["Operator__ReporterTls__KeyFile"] = ReporterTlsFiles.KeyFile;
        environment["Operator__ReporterCaSecretName"] = ReporterCaSecret;
    }

    private static ImageCommand BrImageCommand(string image, BrSimWorld world) =>
        // The init container runs `cp /br <bin>/br`: /br maps to the wrapper; the executable is only used by a
        // container without a command.
        new(image, world.WrapperPath) { Paths = new Dictionary<string, string> { ["/br"] = world.WrapperPath } };
}
