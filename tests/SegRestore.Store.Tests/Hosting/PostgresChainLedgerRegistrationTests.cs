using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SegRestore.Store.Hosting;
using SegRestore.Store.Tests.Conformance;
using SegRestore.Store.Tests.Postgres;
using SegRestore.Store.Tests.Support;

namespace SegRestore.Store.Tests.Hosting;

/// <summary>AddChainLedger with <c>Store=postgres</c> on the test server: migrations run at host start, in the
/// configured schema.</summary>
[OptionalBackend(PostgresTestServer.SkipVariable)]
public sealed class PostgresChainLedgerRegistrationTests : IAsyncLifetime
{
    private readonly string _schema = PostgresTestServer.NewSchemaName();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() =>
        Environment.GetEnvironmentVariable(PostgresTestServer.SkipVariable) == "1" ? Task.CompletedTask : PostgresTestServer.DropSchemaAsync(_schema);

    [BackendFact]
    public async Task Postgres_from_configuration_migrates_its_schema_at_host_start_and_stores_chains()
    {
        var section = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Ledger:Store"] = "postgres",
            ["Ledger:ConnectionString"] = PostgresTestServer.ConnectionString,
            ["Ledger:Schema"] = _schema,
        }).Build().GetSection("Ledger");
        await using var services = new ServiceCollection().AddChainLedger(section).BuildServiceProvider();

        foreach (var hosted in services.GetServices<IHostedService>())
        {
            await hosted.StartAsync(CancellationToken.None);
        }

        var ledger = await services.GetRequiredService<IChainLedgerProvider>().GetLedgerAsync(CancellationToken.None);
        var chain = await ledger.CreateChainAsync(Samples.Chain(), CancellationToken.None);
        await using var connection = await PostgresTestServer.OpenAsync(_schema);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM chains WHERE root_uid = @uid";
        command.Parameters.AddWithValue("uid", chain.RootUid);
        Convert.ToInt32(await command.ExecuteScalarAsync()).Should().Be(1);
    }
}
