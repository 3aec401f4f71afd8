using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SegRestore.Api.Tests.Support;
using SegRestore.Cli.Manifests;
using SegRestore.Cli.Yaml;
using SegRestore.Operator.Configuration;
using SegRestore.Store.Hosting;

namespace SegRestore.Deploy.Tests.Chart;

/// <summary>What can be checked of charts/segrestore without a helm binary.</summary>
public class ChartFilesTests
{
    private static string ChartPath(params string[] parts) => RepositoryPaths.Combine(["charts", "segrestore", .. parts]);

    private static JsonNode? ValuesYaml => YamlJson.ParseDocuments(File.ReadAllText(ChartPath("values.yaml"))).Single();

    private static IReadOnlyDictionary<string, string> Templates =>
        Directory.GetFiles(ChartPath("templates")).ToDictionary(path => Path.GetFileName(path), File.ReadAllText);

    [Fact]
    public void Every_value_a_template_reads_is_defined_in_values_yaml()
    {
        var values = ValuesYaml;
        var missing = Templates
            .SelectMany(t => ChartValueReferences.In(t.Value).Select(path => (Template: t.Key, Path: path)))
            .Where(reference => !ChartValueReferences.Defines(values, reference.Path))
            .Select(reference => $"{reference.Template}: .Values.{reference.Path}")
            .ToList();

        missing.Should().BeEmpty("templates must only read values that values.yaml defines (and documents)");
    }

    [Fact]
    public void Every_setting_in_values_yaml_is_read_by_a_template()
    {
        var references = Templates.Values.SelectMany(ChartValueReferences.In).ToHashSet(StringComparer.Ordinal);

        ChartValueReferences.Settable(ValuesYaml).Where(setting => !ChartValueReferences.IsRead(setting, references))
            .Should().BeEmpty("a value no template reads is a setting that silently does nothing");
    }

    [Fact]
    public void Non_template_yaml_and_dashboards_parse()
    {
        var chart = YamlJson.ParseDocuments(File.ReadAllText(ChartPath("Chart.yaml"))).Single()!;
        chart["apiVersion"]!.GetValue<string>().Should().Be("v2");
        chart["name"]!.GetValue<string>().Should().Be("segrestore");
        ValuesYaml.Should().BeOfType<JsonObject>();
        foreach (var crd in Directory.GetFiles(ChartPath("crds"), "*.yaml"))
        {
            YamlJson.ParseDocuments(File.ReadAllText(crd)).Should().ContainSingle()
                .Which!["kind"]!.GetValue<string>().Should().Be("CustomResourceDefinition");
        }

        var dashboards = Directory.GetFiles(ChartPath("dashboards"), "*.json");
        dashboards.Should().NotBeEmpty("the chart ships a Grafana dashboard");
        foreach (var dashboard in dashboards)
        {
            var json = JsonNode.Parse(File.ReadAllText(dashboard))!;
            json["title"]!.GetValue<string>().Should().NotBeNullOrWhiteSpace($"{dashboard} needs a title");
            json["panels"]!.AsArray().Should().NotBeEmpty($"{dashboard} needs panels");
        }

        JsonDocument.Parse(File.ReadAllText(ChartPath("values.schema.json"))).RootElement.ValueKind.Should().Be(JsonValueKind.Object);
    }

    [Fact]
    public void Rbac_template_uses_every_generated_rule_set_and_only_those()
    {
        var generated = Regex.Matches(File.ReadAllText(ChartPath(RbacRulesTemplate.RelativePath)), "define \"(?<name>[^\"]+)\"")
            .Select(m => m.Groups["name"].Value).ToList();
        var included = Templates.Where(t => t.Key != Path.GetFileName(RbacRulesTemplate.RelativePath))
            .SelectMany(t => Regex.Matches(t.Value, "include \"(?<name>segrestore\\.rbac\\.[^\"]+)\"").Select(m => m.Groups["name"].Value))
            .ToHashSet(StringComparer.Ordinal);

        generated.Should().BeEquivalentTo(RbacRulesTemplate.Templates.Select(t => t.Name));
        included.Should().BeEquivalentTo(generated, "rbac.yaml grants exactly the generated rule sets");
        Templates["rbac.yaml"].Should().NotContain("verbs:", "rules are written only in the generated _rbac-rules.tpl");
    }

    [Fact]
    public void Every_operator_and_ledger_variable_the_deployment_sets_names_a_real_option()
    {
        var known = typeof(OperatorOptions).GetProperties()
            .SelectMany(p => p.PropertyType.IsClass && p.PropertyType != typeof(string)
                ? p.PropertyType.GetProperties().Select(nested => $"{OperatorOptions.SectionName}__{p.Name}__{nested.Name}")
                : [$"{OperatorOptions.SectionName}__{p.Name}"])
            .Concat(typeof(ChainLedgerOptions).GetProperties().Select(p => $"{ChainLedgerOptions.SectionName}__{p.Name}"))
            .ToHashSet(StringComparer.Ordinal);
        var names = Regex.Matches(Templates["deployment.yaml"], @"name: (?<name>(Operator|Ledger)__\w+)").Select(m => m.Groups["name"].Value).ToList();

        names.Should().Contain(["Operator__LeaderElection", "Operator__ReporterUrl", "Ledger__Store", "Ledger__ConnectionString"]);
        names.Where(name => !known.Contains(name)).Should().BeEmpty("a misspelt variable is silently ignored by the operator");
    }

    [Fact]
    public void Every_template_delimiter_is_balanced()
    {
        foreach (var (name, text) in Templates)
        {
            Regex.Count(text, @"\{\{").Should().Be(Regex.Count(text, @"\}\}"), $"{name} has unbalanced {{{{ }}}}");
            var opened = Regex.Count(text, @"\{\{-?\s*(if|with|range|define)\b");
            var closed = Regex.Count(text, @"\{\{-?\s*end\s*-?\}\}");
            closed.Should().Be(opened, $"{name}: every if/with/range/define needs its end");
        }
    }
}
