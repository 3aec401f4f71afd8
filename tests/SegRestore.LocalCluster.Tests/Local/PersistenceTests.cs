using System.Net;
using SegRestore.LocalCluster.Tests.Support;

namespace SegRestore.LocalCluster.Tests.Local;

/// <summary>With a SQLite file, objects and the resourceVersion counter survive a restart.</summary>
public sealed class PersistenceTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("lc-sqlite-").FullName;

    [LocalOnlyFact]
    public async Task Objects_crds_and_the_resourceVersion_survive_a_restart()
    {
        var options = ClusterFixture.Options() with { DataFile = Path.Combine(_directory, "state.db") };
        string before;
        await using (var first = await LocalClusterServer.StartAsync(options, CancellationToken.None))
        {
            using var http = new KubeHttp(first.BaseUrl);
            (await http.Post("/apis/apiextensions.k8s.io/v1/customresourcedefinitions", YamlJson.File("TestData/widget-crd.yaml"))).ShouldBe(201);
            (await http.Post(ClusterFixture.Widgets("default"), ClusterFixture.Widget("kept"))).ShouldBe(201);
            before = (await http.Post("/api/v1/namespaces/default/configmaps", ClusterFixture.ConfigMap("kept"))).ShouldBe(201).ResourceVersion;
        }

        await using var second = await LocalClusterServer.StartAsync(options, CancellationToken.None);
        using var again = new KubeHttp(second.BaseUrl);
        var configMap = (await again.Get("/api/v1/namespaces/default/configmaps/kept")).ShouldBe(200);
        (await again.Get($"{ClusterFixture.Widgets("default")}/kept")).ShouldBe(200);
        var next = (await again.Post("/api/v1/namespaces/default/configmaps", ClusterFixture.ConfigMap("after"))).ShouldBe(201);
        await using var oldWatch = await again.Watch($"/api/v1/namespaces/default/configmaps?watch=1&resourceVersion={long.Parse(before, System.Globalization.CultureInfo.InvariantCulture) - 1}");

        configMap.ResourceVersion.Should().Be(before);
        long.Parse(next.ResourceVersion, System.Globalization.CultureInfo.InvariantCulture).Should().BeGreaterThan(long.Parse(before, System.Globalization.CultureInfo.InvariantCulture));
        oldWatch.Status.Should().Be(HttpStatusCode.Gone, "history from before the restart is gone");
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
