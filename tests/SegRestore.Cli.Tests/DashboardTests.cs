using System.Text.Json.Nodes;
using SegRestore.Api.Tests.Support;

namespace SegRestore.Cli.Tests;

/// <summary>The Grafana dashboard shipped in the chart is valid JSON and charts every operator metric.</summary>
public class DashboardTests
{
    [Fact]
    public void The_dashboard_parses_and_queries_every_metric_of_docs_metrics_md()
    {
        var dashboard = JsonNode.Parse(File.ReadAllText(RepositoryPaths.Combine("charts", "segrestore", "dashboards", "segrestore.json")))!;
        var panels = dashboard["panels"]!.AsArray();
        var expressions = panels.SelectMany(p => p!["targets"]!.AsArray()).Select(t => t!["expr"]!.GetValue<string>()).ToList();
        var documented = File.ReadAllLines(RepositoryPaths.Combine("docs", "metrics.md"))
            .Where(l => l.StartsWith("| `segrestore_", StringComparison.Ordinal))
            .Select(l => l.Split('`')[1])
            .ToList();

        dashboard["uid"]!.GetValue<string>().Should().Be("segrestore");
        panels.Select(p => p!["id"]!.GetValue<int>()).Should().OnlyHaveUniqueItems();
        documented.Should().HaveCountGreaterThanOrEqualTo(8);
        foreach (var metric in documented)
        {
            var family = metric.Replace("_total", "", StringComparison.Ordinal);
            expressions.Should().Contain(e => e.Contains(family, StringComparison.Ordinal), "the dashboard charts {0}", metric);
        }
    }
}
