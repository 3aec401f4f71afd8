using System.Text.Json.Nodes;
using SegRestore.Cli.Manifests;
using SegRestore.Cli.Yaml;
using SegRestore.Deploy.Tests.Support;
using SegRestore.Operator.Deployment;

namespace SegRestore.Deploy.Tests.Manifests;

public class ManifestsCommandTests
{
    [Fact]
    public void Manifests_command_writes_config_and_the_chart_rules_and_leaves_samples_alone()
    {
        using var scratch = new ScratchDirectory();
        var config = scratch.Combine("config");
        Directory.CreateDirectory(Path.Combine(config, "samples"));
        File.WriteAllText(Path.Combine(config, "samples", "keep.yaml"), "kind: Kept\n");

        var exitCode = SegRestore.Cli.Program.Main(["manifests", "--output", config, "--chart", scratch.Combine("chart"), "--namespace", "restores"]);

        exitCode.Should().Be(0);
        Directory.GetFiles(config).Select(Path.GetFileName).Should().BeEquivalentTo([ManifestSet.NamespaceFile, ManifestSet.RbacFile, ManifestSet.OperatorFile]);
        File.ReadAllText(Path.Combine(config, "samples", "keep.yaml")).Should().Be("kind: Kept\n");
        File.ReadAllText(Path.Combine(config, ManifestSet.OperatorFile)).Should().Contain("namespace: restores")
            .And.Contain("http://segrestore-operator.restores.svc:9443");
        File.ReadAllText(scratch.Combine("chart/" + RbacRulesTemplate.RelativePath)).Should().Be(RbacRulesTemplate.Render());
    }

    [Fact]
    public void Without_a_watch_namespace_segment_rules_are_a_cluster_role()
    {
        var documents = Documents(new ManifestSettings());

        var clusterRole = documents.Should().ContainSingle(d => Kind(d) == "ClusterRole").Subject;
        Rules(clusterRole).Should().Equal(OperatorRbac.SegmentNamespaceRules.Concat(OperatorRbac.TidbClusterRules).Select(Key));
        documents.Should().ContainSingle(d => Kind(d) == "ClusterRoleBinding")
            .Which["subjects"]![0]!["namespace"]!.GetValue<string>().Should().Be("segrestore-system");
        OperatorRole(documents, "segrestore-system").Should().Equal(
            OperatorRbac.OperatorNamespaceRules.Concat(OperatorRbac.ConfigMapLedgerRules).Select(Key));
    }

    [Fact]
    public void A_watch_namespace_gets_a_role_and_no_cluster_wide_grant_exists()
    {
        var documents = Documents(new ManifestSettings { WatchNamespace = "tidb" });

        documents.Should().NotContain(d => Kind(d) == "ClusterRole" || Kind(d) == "ClusterRoleBinding");
        var role = documents.Should().ContainSingle(d => Kind(d) == "Role" && d["metadata"]!["namespace"]!.GetValue<string>() == "tidb").Subject;
        Rules(role).Should().Equal(OperatorRbac.SegmentNamespaceRules.Concat(OperatorRbac.TidbClusterRules).Select(Key));
        documents.Should().ContainSingle(d => Kind(d) == "RoleBinding" && d["metadata"]!["namespace"]!.GetValue<string>() == "tidb")
            .Which["subjects"]![0]!["namespace"]!.GetValue<string>().Should().Be("segrestore-system");
        var deployment = documents.Single(d => Kind(d) == "Deployment");
        Env(deployment).Should().Contain(new KeyValuePair<string, string>("Operator__WatchNamespace", "tidb"));
    }

    [Fact]
    public void Operator_deployment_runs_leader_elected_non_root_read_only_with_probes_on_the_http_port()
    {
        var deployment = Documents(new ManifestSettings()).Single(d => Kind(d) == "Deployment");
        var pod = deployment["spec"]!["template"]!["spec"]!;
        var container = pod["containers"]![0]!;

        Env(deployment).Should().Contain(new KeyValuePair<string, string>("Operator__LeaderElection", "true"))
            .And.Contain(new KeyValuePair<string, string>("Ledger__Store", "configMap"))
            .And.Contain(new KeyValuePair<string, string>("Operator__ReporterUrl", "http://segrestore-operator.segrestore-system.svc:9443"));
        pod["securityContext"]!["runAsNonRoot"]!.GetValue<bool>().Should().BeTrue();
        container["securityContext"]!["readOnlyRootFilesystem"]!.GetValue<bool>().Should().BeTrue();
        container["livenessProbe"]!["httpGet"]!["path"]!.GetValue<string>().Should().Be("/healthz");
        container["readinessProbe"]!["httpGet"]!["path"]!.GetValue<string>().Should().Be("/readyz");
        container["readinessProbe"]!["httpGet"]!["port"]!.GetValue<string>().Should().Be("http");
        container["ports"]!.AsArray().Select(p => (p!["name"]!.GetValue<string>(), p["containerPort"]!.GetValue<long>()))
            .Should().Equal(("reporter", 9443L), ("http", 8080L));
    }

    [Fact]
    public void Network_policy_admits_worker_pods_to_the_reporter_port_only()
    {
        var policy = Documents(new ManifestSettings()).Single(d => Kind(d) == "NetworkPolicy");
        var rules = policy["spec"]!["ingress"]!.AsArray();

        var workerRule = rules.Single(r => r!["from"]![0]!["podSelector"]!["matchLabels"] is not null)!;
        workerRule["from"]![0]!["podSelector"]!["matchLabels"]!["app.kubernetes.io/component"]!.GetValue<string>().Should().Be("worker");
        workerRule["ports"]!.AsArray().Select(p => p!["port"]!.GetValue<long>()).Should().Equal(9443L);
        var otherRule = rules.Single(r => r!["from"]![0]!["podSelector"]!["matchExpressions"] is not null)!;
        var exclusion = otherRule["from"]![0]!["podSelector"]!["matchExpressions"]![0]!;
        (exclusion["operator"]!.GetValue<string>(), exclusion["values"]![0]!.GetValue<string>()).Should().Be(("NotIn", "worker"));
        otherRule["ports"]!.AsArray().Select(p => p!["port"]!.GetValue<long>()).Should().Equal(8080L);
    }

    [Theory]
    [InlineData("--namespace", "Segrestore_System", "--namespace 'Segrestore_System' is not a valid namespace name")]
    [InlineData("--watch-namespace", "-tidb", "--watch-namespace '-tidb' is not a valid namespace name")]
    [InlineData("--image", "registry/op erator:1", "--image 'registry/op erator:1' is not an image reference")]
    public void Bad_options_fail_with_a_message_naming_the_option_and_value(string option, string value, string message)
    {
        using var scratch = new ScratchDirectory();
        var error = new StringWriter();

        var exitCode = SegRestore.Cli.Commands.ManifestsCommand.Run(
            Settings(option, value), scratch.Combine("config"), null, TextWriter.Null, error);

        exitCode.Should().Be(2);
        error.ToString().Should().Contain(message);
        Directory.Exists(scratch.Combine("config")).Should().BeFalse("nothing is written when the options are bad");
    }

    private static ManifestSettings Settings(string option, string value) => option switch
    {
        "--namespace" => new ManifestSettings { Namespace = value },
        "--watch-namespace" => new ManifestSettings { WatchNamespace = value },
        _ => new ManifestSettings { OperatorImage = value },
    };

    internal static List<JsonObject> Documents(ManifestSettings settings) =>
        [.. ManifestSet.Render(settings).Values.SelectMany(YamlJson.ParseDocuments).Select(d => d!.AsObject())];

    private static string Kind(JsonObject document) => document["kind"]!.GetValue<string>();

    private static IEnumerable<string> OperatorRole(List<JsonObject> documents, string @namespace) =>
        Rules(documents.Single(d => Kind(d) == "Role" && d["metadata"]!["namespace"]!.GetValue<string>() == @namespace));

    private static IEnumerable<string> Rules(JsonObject role) => role["rules"]!.AsArray().Select(rule =>
        string.Join('|', new[] { "apiGroups", "resources", "verbs" }.Select(key => string.Join(',', rule![key]!.AsArray().Select(v => v!.GetValue<string>())))));

    private static string Key(RbacRule rule) =>
        string.Join('|', string.Join(',', rule.ApiGroups), string.Join(',', rule.Resources), string.Join(',', rule.Verbs));

    private static Dictionary<string, string> Env(JsonObject deployment) =>
        deployment["spec"]!["template"]!["spec"]!["containers"]![0]!["env"]!.AsArray()
            .Where(e => e!["value"] is not null)
            .ToDictionary(e => e!["name"]!.GetValue<string>(), e => e!["value"]!.GetValue<string>());
}
