using System.Data.Common;
using SegRestore.Store.Sql;
using SegRestore.Store.Tests.Conformance;
using SegRestore.Store.Tests.Sql;

namespace SegRestore.Store.Tests.Postgres;

[OptionalBackend(PostgresTestServer.SkipVariable)]
public sealed class PostgresSchemaMigrationTests : SchemaMigrationTests
{
    private readonly string _schema = PostgresTestServer.NewSchemaName();

    public override Task DisposeAsync() =>
        Environment.GetEnvironmentVariable(PostgresTestServer.ConnectionVariable) is null ? Task.CompletedTask : PostgresTestServer.DropSchemaAsync(_schema);

    protected override Task<IChainLedger> OpenAsync() =>
        SqlLedgers.OpenPostgresAsync(PostgresTestServer.ConnectionString, _schema, null, null, CancellationToken.None);

    protected override async Task<DbConnection> ConnectAsync() => await PostgresTestServer.OpenAsync(_schema);
}
