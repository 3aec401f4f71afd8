using SegRestore.Api.Tests.Support;
using SegRestore.Cli.Local;
using SegRestore.Cli.Yaml;

namespace SegRestore.Cli.Tests;

public class LocalDemoSampleTests
{
    [Fact]
    public void The_local_demo_sample_names_the_pd_storage_and_images_that_local_run_sets_up()
    {
        var documents = Directory.GetFiles(RepositoryPaths.Combine("config", "samples", "local-demo"), "*.yaml").Order(StringComparer.Ordinal)
            .Select(f => YamlJson.ParseDocuments(File.ReadAllText(f))[0]!["spec"]!)
            .ToList();

        documents.Should().HaveCount(LocalRunSettings.Points, "one segment per simulated restore point");
        documents.Should().OnlyContain(s => s["cluster"]!["pd"]!.GetValue<string>() == "127.0.0.1:" + LocalRunSettings.DefaultPdPort);
        documents.Should().OnlyContain(s => s["log"]!["url"]!.GetValue<string>() == LocalRunSettings.PodLogBackupUrl);
        documents.Should().OnlyContain(s => s["br"]!["image"]!.GetValue<string>().StartsWith("pingcap/br:", StringComparison.Ordinal));
        documents[0]["fullBackup"]!["url"]!.GetValue<string>().Should().Be(LocalRunSettings.PodFullBackupUrl);
    }

    [Fact]
    public void The_operator_of_local_run_is_configured_like_the_end_to_end_harness_without_secrets()
    {
        var settings = new LocalRunSettings { Directory = "/x", OperatorDll = "o", WorkerDll = "w", BrDll = "b", CrdFile = "c" };

        var environment = LocalOperatorEnvironment.For(settings, "/x/kubeconfig");

        environment["KUBECONFIG"].Should().Be("/x/kubeconfig");
        environment["Operator__WorkerImage"].Should().Be(LocalRunSettings.WorkerImage);
        environment["Operator__HttpPort"].Should().Be("18080");
        environment["Operator__ReporterUrl"].Should().Be("http://127.0.0.1:18443");
        environment["Ledger__Store"].Should().Be("configMap");
        environment.Keys.Should().NotContain(k => k.Contains("Password", StringComparison.OrdinalIgnoreCase) || k.Contains("Token", StringComparison.OrdinalIgnoreCase));
    }
}
