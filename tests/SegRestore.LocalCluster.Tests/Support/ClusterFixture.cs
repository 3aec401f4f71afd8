using System.Text.Json.Nodes;
using SegRestore.LocalCluster.Kubelet;

namespace SegRestore.LocalCluster.Tests.Support;

/// <summary>One API server for the contract suite: LocalCluster started in-process, or the real cluster of
/// KUBECONFIG. Tests isolate themselves in namespaces of their own.</summary>
public sealed class ClusterFixture : IAsyncLifetime, IDisposable
{
    public const string WidgetCrdName = "widgets.contract.segrestore.io";
    public const string WidgetsPath = "/apis/contract.segrestore.io/v1alpha1";
    private readonly SemaphoreSlim _crdGate = new(1, 1);
    private readonly System.Collections.Concurrent.ConcurrentBag<string> _namespaces = [];
    private bool _crdReady;

    public LocalClusterServer? Local { get; private set; }

    public KubeHttp Http { get; private set; } = null!;

    public string BaseUrl { get; private set; } = "";

    public async Task InitializeAsync()
    {
        if (ClusterTarget.RealClusterRequested)
        {
            var target = ClusterTarget.FromKubeconfig(Environment.GetEnvironmentVariable("KUBECONFIG")!.Split(':')[0]);
            BaseUrl = target.Server;
            Http = new KubeHttp(target.Server, target.Token, target.CertificateAuthority, target.ClientCertificate, target.Insecure);
            return;
        }

        Local = await LocalClusterServer.StartAsync(Options(), CancellationToken.None);
        BaseUrl = Local.BaseUrl;
        Http = new KubeHttp(Local.BaseUrl);
    }

    /// <summary>The options the contract suite runs LocalCluster with: short bookmarks, /bin/sh images.</summary>
    public static LocalClusterOptions Options() => new()
    {
        BookmarkInterval = TimeSpan.FromSeconds(1),
        Kubelet = new KubeletOptions { Images = [new ImageCommand("shell:*", "/bin/sh")] },
    };

    /// <summary>A fresh namespace for one test.</summary>
    public async Task<string> NewNamespace()
    {
        var name = await NewNamespaceOn(Http);
        _namespaces.Add(name);
        return name;
    }

    public static async Task<string> NewNamespaceOn(KubeHttp http)
    {
        var name = "ct-" + Guid.NewGuid().ToString("N")[..10];
        (await http.Post("/api/v1/namespaces", new JsonObject { ["metadata"] = new JsonObject { ["name"] = name } })).ShouldBe(201);
        return name;
    }

    /// <summary>Installs the Widget test CRD (shaped like PointRestoreSegment) once and waits until it is served.</summary>
    public async Task EnsureWidgetCrd()
    {
        await _crdGate.WaitAsync();
        try
        {
            if (_crdReady)
            {
                return;
            }

            var existing = await Http.Get($"/apis/apiextensions.k8s.io/v1/customresourcedefinitions/{WidgetCrdName}");
            if (existing.Code == 404)
            {
                (await Http.Post("/apis/apiextensions.k8s.io/v1/customresourcedefinitions", YamlJson.File("TestData/widget-crd.yaml"))).ShouldBe(201);
            }

            await Eventually.Until(async () => (await Http.Get($"{WidgetsPath}/widgets")).Code == 200, "the Widget CRD is served");
            _crdReady = true;
        }
        finally
        {
            _crdGate.Release();
        }
    }

    public static string Widgets(string ns) => $"{WidgetsPath}/namespaces/{ns}/widgets";

    public static JsonObject Widget(string name, string pd = "pd.example:2379", bool? last = null)
    {
        var spec = new JsonObject { ["cluster"] = new JsonObject { ["pd"] = pd } };
        if (last is not null)
        {
            spec["last"] = last.Value;
        }

        return new JsonObject
        {
            ["apiVersion"] = "contract.segrestore.io/v1alpha1",
            ["kind"] = "Widget",
            ["metadata"] = new JsonObject { ["name"] = name },
            ["spec"] = spec,
        };
    }

    public static JsonObject ConfigMap(string name, IDictionary<string, string>? labels = null, string value = "1")
    {
        var metadata = new JsonObject { ["name"] = name };
        if (labels is not null)
        {
            metadata["labels"] = new JsonObject(labels.Select(l => KeyValuePair.Create(l.Key, (JsonNode?)l.Value)));
        }

        return new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "ConfigMap",
            ["metadata"] = metadata,
            ["data"] = new JsonObject { ["value"] = value },
        };
    }

    public async Task DisposeAsync()
    {
        // On a real cluster the suite must not leave its namespaces and CRDs behind.
        foreach (var ns in _namespaces)
        {
            await Http.Delete($"/api/v1/namespaces/{ns}");
        }

        foreach (var crd in new[] { WidgetCrdName, "gadgets.gadgets.segrestore.io", "sprockets.sprockets.segrestore.io" })
        {
            await Http.Delete($"/apis/apiextensions.k8s.io/v1/customresourcedefinitions/{crd}");
        }

        Http.Dispose();
        if (Local is not null)
        {
            await Local.DisposeAsync();
        }

    }

    public void Dispose() => _crdGate.Dispose();
}
