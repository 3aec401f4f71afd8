using Microsoft.Extensions.Configuration;
using SegRestore.Cli.Manifests;
using SegRestore.Operator.Configuration;
using SegRestore.Store.Hosting;

namespace SegRestore.Deploy.Tests.Manifests;

/// <summary>The generated Deployment's environment is read by the operator's own option readers as intended.</summary>
public class OperatorEnvironmentTests
{
    [Fact]
    public void Deployment_environment_configures_the_operator_and_the_ledger_without_errors()
    {
        var configuration = Configuration(new ManifestSettings { WatchNamespace = "tidb", WorkerImage = "registry.example.com/worker:2" });

        var options = OperatorOptionsReader.Read(configuration.GetSection(OperatorOptions.SectionName));
        var ledger = ChainLedgerSettings.From(ChainLedgerOptionsReader.Read(configuration.GetSection(ChainLedgerOptions.SectionName)));

        options.LeaderElection.Should().BeTrue();
        options.Namespace.Should().Be("segrestore-system");
        options.WatchNamespace.Should().Be("tidb");
        options.WorkerImage.Should().Be("registry.example.com/worker:2");
        options.ReporterUrl.Should().Be("http://segrestore-operator.segrestore-system.svc:9443");
        (options.ReporterPort, options.HttpPort).Should().Be((9443, 8080));
        ledger.Store.Should().Be(LedgerStoreKind.ConfigMap);
    }

    // As the kubelet would set it: fieldRef metadata.namespace resolves to the Deployment's namespace.
    private static IConfiguration Configuration(ManifestSettings settings)
    {
        var env = ManifestsCommandTests.Documents(settings).Single(d => d["kind"]!.GetValue<string>() == "Deployment")
            ["spec"]!["template"]!["spec"]!["containers"]![0]!["env"]!.AsArray()
            .ToDictionary(
                e => e!["name"]!.GetValue<string>().Replace("__", ":", StringComparison.Ordinal),
                e => e!["value"]?.GetValue<string>() ?? (e["valueFrom"]!["fieldRef"]!["fieldPath"]!.GetValue<string>() == "metadata.namespace"
                    ? settings.Namespace
                    : throw new InvalidOperationException($"unexpected valueFrom in {e.ToJsonString()}")));
        return new ConfigurationBuilder().AddInMemoryCollection(env!).Build();
    }
}
