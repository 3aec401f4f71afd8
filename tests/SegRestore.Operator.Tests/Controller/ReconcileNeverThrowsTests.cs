using System.Text;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SegRestore.Api.Crd;
using SegRestore.Api.Models;
using SegRestore.Api.Serialization;
using SegRestore.Kube.Client;
using SegRestore.Operator.Controller;
using SegRestore.Operator.Hosting;
using SegRestore.Operator.Tests.Support;

namespace SegRestore.Operator.Tests.Controller;

/// <summary>
/// Issue 21: for random specs that pass admission (the project's CRD on a LocalCluster API server), a reconcile
/// never throws out of the reconciler, and every segment it touched has a phase. The operator is composed as in
/// production (<see cref="OperatorServiceCollectionExtensions.AddSegRestoreOperator"/>) with the ConfigMap ledger;
/// PD addresses point at closed ports, so a segment that gets that far waits as ClusterUnreachable.
/// </summary>
public sealed class ReconcileNeverThrowsTests : LocalApiServerTest
{
    private static readonly string[] Urls =
    [
        "s3://b/x", "s3://KEY:SECRET@b/x", "s3://b/x?access-key=K&secret-access-key=S", "local:///../../etc", "local:///backup/log",
        "local:///backup/./log", "gcs://b/x", "azure://c/x", "s3://b/lo%00g", "s3://b/\u200Ffull", "local:///tmp/x",
    ];

    private static readonly string[] Timestamps =
    [
        "", "0", "1000", "463736294698909699", "18446744073709551615", "9000000000000000000", "2026-01-22T00:39:25Z",
        "2099-01-01T00:00:00Z", "2026-01-22T00:39:25+08:00",
    ];

    private static readonly string[] Arguments =
    [
        "db\0x.*", "db.\u202Et", "--PD=x", "-cu=x", "--ratelimit=1", "--help", "mysql.*", "*.*", "db1.*", "!db2.t", "--log-level=\u2066debug",
    ];

    private static readonly string[] Images = ["PingCAP/BR:v8", "pingcap/br:v9.0.0", "pingcap/br:", "pingcap/br:v9\u202D", "registry:5000/br@sha256:" + new string('a', 64)];

    private static readonly string[] PdAddresses =
    [
        "127.0.0.1:1", "127.0.0.1:99999", "127.0.0.1:0", "[::1]:1", "::1:2379", "http://127.0.0.1:1/", "grpc://127.0.0.1:1",
        "127.0.0.1:1,127.0.0.1:2", "127.0.0.1", "", "127.0.0.1:1\n--pd=x",
    ];

    [Fact]
    public async Task A_reconcile_of_any_admitted_spec_never_throws_and_leaves_a_phase()
    {
        await InstallCrdAsync();
        await using var provider = Compose();
        // Mostly plausible values with a hostile one now and then, so that specs reach every stage of a reconcile.
        static Gen<T> Mostly<T>(T usual, Gen<T> other) => Gen.Frequency((3, Gen.Constant(usual)), (1, other));
        static Gen<string?> Maybe(string? usual, string[] values) => Mostly(usual, Gen.OneOf(Gen.Constant<string?>(null), Gen.Elements(values).Select(v => (string?)v)));
        static Gen<List<string>?> Some(string[] values) => Mostly<List<string>?>(null, Gen.Elements(values).ListOf().Select(l => (List<string>?)[.. l.Take(3)]));
        using var client = TypedClient();
        var specs = from pd in Mostly("127.0.0.1:1", Gen.Elements(PdAddresses))
                    from previous in Mostly<string?>(null, Gen.Elements<string?>("s-0", "missing", "Bad_Name"))
                    from full in Maybe("s3://b/full", Urls)
                    from log in Mostly("s3://b/log", Gen.Elements(Urls))
                    from secret in Mostly<string?>(null, Gen.Elements<string?>("no-such-secret", "creds"))
                    from restored in Maybe("463736294698909699", Timestamps)
                    from start in Maybe(null, Timestamps)
                    from last in Gen.Elements(true, false)
                    from hold in Gen.Elements(false, false, true)
                    from mode in Gen.Elements<CheckpointMode?>(null, CheckpointMode.Managed, CheckpointMode.External)
                    from checkpoint in Maybe(null, Urls)
                    from image in Maybe(null, Images)
                    from filter in Some(Arguments)
                    from extra in Some(Arguments)
                    select new PointRestoreSegmentSpec
                    {
                        Cluster = new ClusterSpec { Pd = pd },
                        PreviousSegment = previous,
                        FullBackup = full is null ? null : new StorageSpec { Url = full, SecretName = secret },
                        Log = new StorageSpec { Url = log, SecretName = secret },
                        RestoredTs = restored,
                        StartTs = start,
                        Last = last,
                        Hold = hold,
                        Checkpoint = mode is null && checkpoint is null ? null : new CheckpointSpec { Mode = mode, Url = checkpoint },
                        Br = new BrSpec { Image = image, Filter = filter, ExtraArgs = extra },
                    };

        var admitted = 0;
        var refusals = new List<string>();
        var phases = new List<string>();
        var index = 0;
        foreach (var spec in specs.Sample(120))
        {
            var name = $"s-{index++}";
            PointRestoreSegment created;
            try
            {
                created = await client.CreateAsync(new PointRestoreSegment { Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = "default" }, Spec = spec });
            }
            catch (KubernetesApiException e) when (e.Code is 400 or 422)
            {
                refusals.Add(e.Message);
                continue; // refused by admission: not this property's concern
            }

            admitted++;
            for (var pass = 0; pass < 2; pass++)
            {
                var current = await client.GetAsync<PointRestoreSegment>(name, "default") ?? created;
                await using var scope = provider.CreateAsyncScope();
                var reconciler = scope.ServiceProvider.GetRequiredService<SegmentReconciler>();
                var reconcile = () => reconciler.ReconcileAsync(current, CancellationToken.None);
                await reconcile.Should().NotThrowAsync("spec {0}", JsonSerializer.Serialize(spec, SegRestoreJsonContext.Default.PointRestoreSegmentSpec));
            }

            var after = await client.GetAsync<PointRestoreSegment>(name, "default");
            after!.Status?.Phase.Should().NotBeNull("segment {0} shows where it is after a reconcile", name);
            after.Status!.Conditions.Should().NotContain(c => c.Reason == "ReconcileError",
                "segment {0} is judged by the rules, not caught as a defect: {1}", name, after.Status.Message);
            phases.Add($"{after.Status.Phase}/{after.Status.Conditions!.LastOrDefault()?.Reason}");
        }

        phases.Distinct().Count().Should().BeGreaterThan(3, "the specs reach different verdicts: {0}", string.Join(", ", phases.Distinct()));
        admitted.Should().BeGreaterThan(10, "enough generated specs pass admission to mean something; refusals: {0}", string.Join("\n", refusals.Take(5)));
    }

    private KubernetesClient TypedClient() =>
        new(KubeConfiguration.FromText(Server.Kubeconfig), SegRestoreEntityJson.Instance);

    private ServiceProvider Compose()
    {
        var services = new ServiceCollection();
        services.AddSingleton(KubeConfiguration.FromText(Server.Kubeconfig));
        services.AddSegRestoreOperator(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Operator:Namespace"] = "default",
            ["Operator:ReporterUrl"] = "http://127.0.0.1:1",
            ["Ledger:Store"] = "configMap",
            ["Ledger:Namespace"] = "default",
        }).Build());
        return services.BuildServiceProvider();
    }

    private async Task InstallCrdAsync()
    {
        using var http = new HttpClient { BaseAddress = new Uri(Server.BaseUrl) };
        var body = JsonSerializer.Serialize(CrdGenerator.Generate(), CrdJsonContext.Default.CustomResourceDefinition);
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await http.PostAsync(new Uri("/apis/apiextensions.k8s.io/v1/customresourcedefinitions", UriKind.Relative), content);
        response.IsSuccessStatusCode.Should().BeTrue(await response.Content.ReadAsStringAsync());
        await Poll.UntilAsync(async () =>
        {
            try
            {
                using var client = TypedClient();
                await client.ListAsync<PointRestoreSegment>("default");
                return true;
            }
            catch (KubernetesApiException e) when (e.IsNotFound)
            {
                return false;
            }
        }, TimeSpan.FromSeconds(30));
    }
}
