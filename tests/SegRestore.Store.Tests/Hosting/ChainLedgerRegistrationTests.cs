using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SegRestore.Kube.Client;
using SegRestore.Store.ConfigMaps;
using SegRestore.Store.Hosting;
using SegRestore.Store.Tests.LocalCluster;
using SegRestore.Store.Tests.Support;

namespace SegRestore.Store.Tests.Hosting;

/// <summary>AddChainLedger end to end: configuration → container → a working ledger on the chosen store.</summary>
[Collection(LocalClusterLedgerFixture.Collection)]
public sealed class ChainLedgerRegistrationTests(LocalClusterLedgerFixture cluster)
{
    [Fact]
    public async Task Sqlite_from_configuration_opens_at_host_start_and_keeps_chains_across_containers()
    {
        var directory = Directory.CreateTempSubdirectory("segrestore-di-");
        try
        {
            var config = Configuration(new() { ["Ledger:Store"] = "sqlite", ["Ledger:ConnectionString"] = Path.Combine(directory.FullName, "ledger.db") });
            var chain = Samples.Chain();
            await using (var first = Build(config, _ => { }))
            {
                await StartHostedAsync(first);
                var ledger = await first.GetRequiredService<IChainLedgerProvider>().GetLedgerAsync(CancellationToken.None);
                await ledger.CreateChainAsync(chain, CancellationToken.None);
            }

            File.Exists(Path.Combine(directory.FullName, "ledger.db")).Should().BeTrue();
            await using var second = Build(config, _ => { });
            var reopened = await second.GetRequiredService<IChainLedgerProvider>().GetLedgerAsync(CancellationToken.None);
            (await reopened.GetChainAsync(chain.RootUid, CancellationToken.None)).Should().NotBeNull();
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task ConfigMap_store_writes_its_index_in_the_configured_namespace_through_the_registered_client()
    {
        cluster.Time.Use(TimeProvider.System);
        using var client = cluster.NewClient();
        var @namespace = await cluster.NewNamespaceAsync(client, "di");
        await using var services = Build(Configuration(new() { ["Ledger:Store"] = "configMap", ["Ledger:Namespace"] = @namespace }),
            s => s.AddSingleton<IKubernetesClient>(client));
        var chain = Samples.Chain();

        var ledger = await services.GetRequiredService<IChainLedgerProvider>().GetLedgerAsync(CancellationToken.None);
        await ledger.CreateChainAsync(chain, CancellationToken.None);

        (await new KubernetesConfigMapStore(client, @namespace).GetAsync(LedgerNaming.IndexName(chain.RootUid), CancellationToken.None))
            .Should().NotBeNull();
    }

    [Fact]
    public async Task ConfigMap_store_without_a_namespace_anywhere_says_which_option_to_set()
    {
        using var client = new KubernetesClient(KubeConfiguration.ForServer(new Uri(cluster.Server.BaseUrl)));
        await using var services = Build(Configuration(new() { ["Ledger:Store"] = "configMap" }), s => s.AddSingleton<IKubernetesClient>(client));

        var open = () => services.GetRequiredService<IChainLedgerProvider>().GetLedgerAsync(CancellationToken.None).AsTask();

        await open.Should().ThrowAsync<LedgerConfigurationException>().WithMessage("*Ledger:Namespace is empty*set Ledger:Namespace*");
    }

    [Fact]
    public void Bad_configuration_fails_at_registration_naming_the_option() =>
        FluentActions.Invoking(() => new ServiceCollection().AddChainLedger(Configuration(new() { ["Ledger:Store"] = "etcd" })))
            .Should().Throw<LedgerConfigurationException>().WithMessage("*Ledger:Store is 'etcd'; set it to configMap (the default), postgres or sqlite.*");

    private static IConfigurationSection Configuration(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build().GetSection(ChainLedgerOptions.SectionName);

    private static ServiceProvider Build(IConfigurationSection section, Action<IServiceCollection> before)
    {
        var services = new ServiceCollection();
        before(services);
        services.AddChainLedger(section);
        return services.BuildServiceProvider();
    }

    private static async Task StartHostedAsync(IServiceProvider services)
    {
        foreach (var hosted in services.GetServices<IHostedService>())
        {
            await hosted.StartAsync(CancellationToken.None);
        }
    }
}
