using System.Globalization;
using System.Text.Json.Nodes;
using SegRestore.LocalCluster.Tests.Support;

namespace SegRestore.LocalCluster.Tests.Local;

/// <summary>Acceptance: 10,000 events reach 8 concurrent watchers in order, none lost.</summary>
[Trait("Category", "Contract")]
public sealed class WatchFanOutTests
{
    private const int Events = 10_000;
    private const int Watchers = 8;

    [LocalOnlyFact]
    public async Task Ten_thousand_events_reach_eight_watchers_in_order_with_none_lost()
    {
        await using var server = await LocalClusterServer.StartAsync(new LocalClusterOptions { WatchHistory = 20_000, Kubelet = new() { Enabled = false } }, CancellationToken.None);
        using var http = new KubeHttp(server.BaseUrl);
        var ns = await ClusterFixture.NewNamespaceOn(http);
        var start = server.Objects.Store.CurrentResourceVersion;
        var readers = new List<Task<List<(string Type, long Rv, int Value)>>>();
        for (var i = 0; i < Watchers; i++)
        {
            var watch = await http.Watch($"/api/v1/namespaces/{ns}/configmaps?watch=1&resourceVersion={start}");
            readers.Add(Task.Run(() => Collect(watch)));
        }

        var resource = Resources.BuiltInResources.ConfigMaps;
        for (var i = 0; i < Events; i++)
        {
            // In-process writes keep the producer fast; the watchers read over HTTP.
            if (i % 100 == 0)
            {
                server.Objects.Create(resource, ns, ClusterFixture.ConfigMap($"cm-{i / 100}", value: i.ToString(CultureInfo.InvariantCulture)));
            }
            else
            {
                server.Objects.Mutate(resource, ns, $"cm-{i / 100}", statusWrite: false, o => o["data"]!["value"] = i.ToString(CultureInfo.InvariantCulture));
            }
        }

        var results = await Task.WhenAll(readers).WaitAsync(TimeSpan.FromMinutes(2));

        foreach (var events in results)
        {
            events.Should().HaveCount(Events);
            events.Select(e => e.Value).Should().Equal(Enumerable.Range(0, Events));
            events.Select(e => e.Rv).Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
            events.Count(e => e.Type == "ADDED").Should().Be(Events / 100);
        }
    }

    private static async Task<List<(string Type, long Rv, int Value)>> Collect(WatchReader watch)
    {
        await using (watch)
        {
            var events = new List<(string, long, int)>(Events);
            while (events.Count < Events)
            {
                var next = await watch.Next(TimeSpan.FromSeconds(60)) ?? throw new InvalidOperationException("the watch closed early");
                var obj = next["object"]!;
                events.Add((next["type"]!.GetValue<string>(),
                    long.Parse(obj["metadata"]!["resourceVersion"]!.GetValue<string>(), CultureInfo.InvariantCulture),
                    int.Parse(obj["data"]!["value"]!.GetValue<string>(), CultureInfo.InvariantCulture)));
            }

            return events;
        }
    }
}
