using SegRestore.Store.CrashWriter;
using SegRestore.Store.Model;
using SegRestore.Store.Sql;
using SegRestore.Store.Tests.Conformance;
using SegRestore.Store.Tests.Postgres;

namespace SegRestore.Store.Tests.Crash;

[OptionalBackend(PostgresTestServer.SkipVariable)]
public sealed class PostgresCrashTests : SqlCrashTests
{
    private readonly string _schema = PostgresTestServer.NewSchemaName();

    protected override string Backend => "postgres";

    protected override string Target => PostgresTestServer.ConnectionString;

    protected override IReadOnlyDictionary<string, string> ExtraEnvironment =>
        new Dictionary<string, string> { [LedgerTarget.SchemaVariable] = _schema };

    protected override Task<IChainLedger> OpenCoreAsync(LedgerOptions options, TimeProvider time) =>
        SqlLedgers.OpenPostgresAsync(Target, _schema, options, time, CancellationToken.None);

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (TestPostgres.ConnectionStringOrNull() is not null)
        {
            await PostgresTestServer.DropSchemaAsync(_schema);
        }
    }
}
