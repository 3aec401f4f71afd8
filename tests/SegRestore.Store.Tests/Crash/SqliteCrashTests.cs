using SegRestore.Store.Model;
using SegRestore.Store.Sql;

namespace SegRestore.Store.Tests.Crash;

public sealed class SqliteCrashTests : SqlCrashTests
{
    private readonly string _directory = Directory.CreateTempSubdirectory("segrestore-crash-").FullName;

    protected override string Backend => "sqlite";

    protected override string Target => Path.Combine(_directory, "ledger.db");

    protected override Task<IChainLedger> OpenCoreAsync(LedgerOptions options, TimeProvider time) =>
        SqlLedgers.OpenSqliteAsync(Target, options, time, CancellationToken.None);

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }
}
