using System.Text.Json.Nodes;
using SegRestore.LocalCluster.Tests.Support;

namespace SegRestore.LocalCluster.Tests.Contract;

/// <summary>KUBE-SEMANTICS item 13: server-side Table output.</summary>
[Collection(SharedCluster.Name)]
[Trait("Category", "Contract")]
public sealed class TableTests(ClusterFixture cluster)
{
    [Fact]
    public async Task A_custom_resource_table_uses_the_crd_printer_columns()
    {
        await cluster.EnsureWidgetCrd();
        var ns = await cluster.NewNamespace();
        (await cluster.Http.Post(ClusterFixture.Widgets(ns), ClusterFixture.Widget("w", pd: "pd.example:2379", last: true))).ShouldBe(201);

        var table = (await cluster.Http.Get(ClusterFixture.Widgets(ns), KubeHttp.TableAccept)).ShouldBe(200).Json;

        table["kind"]!.GetValue<string>().Should().Be("Table");
        Columns(table).Should().Equal("Name", "Cluster", "Last", "Phase", "Age");
        var cells = table["rows"]![0]!["cells"]!.AsArray();
        cells[0]!.GetValue<string>().Should().Be("w");
        cells[1]!.GetValue<string>().Should().Be("pd.example:2379");
        cells[2]!.GetValue<bool>().Should().BeTrue();
        table["rows"]![0]!["object"]!["metadata"]!["name"]!.GetValue<string>().Should().Be("w");
    }

    [Fact]
    public async Task A_config_map_table_shows_name_data_and_age()
    {
        var ns = await cluster.NewNamespace();
        (await cluster.Http.Post($"/api/v1/namespaces/{ns}/configmaps", ClusterFixture.ConfigMap("c"))).ShouldBe(201);

        var table = (await cluster.Http.Get($"/api/v1/namespaces/{ns}/configmaps/c", KubeHttp.TableAccept)).ShouldBe(200).Json;

        Columns(table).Should().Equal("Name", "Data", "Age");
        table["rows"]![0]!["cells"]![1]!.GetValue<int>().Should().Be(1);
    }

    [Fact]
    public async Task A_pod_table_shows_ready_and_status()
    {
        var ns = await cluster.NewNamespace();
        var pod = JsonNode.Parse("""
            {"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"},
             "spec":{"restartPolicy":"Never","terminationGracePeriodSeconds":0,
               "containers":[{"name":"c","image":"shell:1","command":["/bin/sh","-c","sleep 30"]}]}}
            """)!;
        (await cluster.Http.Post($"/api/v1/namespaces/{ns}/pods", pod)).ShouldBe(201);

        var table = (await cluster.Http.Get($"/api/v1/namespaces/{ns}/pods", KubeHttp.TableAccept)).ShouldBe(200).Json;
        await cluster.Http.Delete($"/api/v1/namespaces/{ns}/pods/p", JsonNode.Parse("""{"gracePeriodSeconds":0}"""));

        Columns(table).Should().StartWith(["Name", "Ready", "Status", "Restarts", "Age"]);
        table["rows"]![0]!["cells"]![1]!.GetValue<string>().Should().MatchRegex(@"^\d/1$");
    }

    private static List<string> Columns(JsonObject table) =>
        [.. table["columnDefinitions"]!.AsArray().Select(c => c!["name"]!.GetValue<string>())];
}
