using SegRestore.Store.Hosting;

namespace SegRestore.Store.Tests.Hosting;

public sealed class ChainLedgerSettingsTests
{
    private const string Password = "s3cr3t-pass";

    public static TheoryData<ChainLedgerOptions, LedgerStoreKind, string?> Valid => new()
    {
        { new ChainLedgerOptions(), LedgerStoreKind.ConfigMap, null },
        { new ChainLedgerOptions { Store = "configMap", Namespace = "segrestore-system" }, LedgerStoreKind.ConfigMap, null },
        { new ChainLedgerOptions { Store = "CONFIGMAP", SizeLimitBytes = 1 << 20 }, LedgerStoreKind.ConfigMap, null },
        { new ChainLedgerOptions { Store = "postgres", ConnectionString = $"Host=db;Username=u;Password={Password}", Schema = "ledger_1" }, LedgerStoreKind.Postgres, $"Host=db;Username=u;Password={Password}" },
        { new ChainLedgerOptions { Store = "PostgreSQL", ConnectionString = "Host=db" }, LedgerStoreKind.Postgres, "Host=db" },
        { new ChainLedgerOptions { Store = "sqlite", ConnectionString = "/var/lib/segrestore/ledger.db" }, LedgerStoreKind.Sqlite, "/var/lib/segrestore/ledger.db" },
        { new ChainLedgerOptions { Store = "sqlite", ConnectionString = "Data Source=/data/l.db;Cache=Shared" }, LedgerStoreKind.Sqlite, "/data/l.db" },
    };

    [Theory]
    [MemberData(nameof(Valid))]
    public void Valid_options_choose_the_store_and_its_connection(ChainLedgerOptions options, LedgerStoreKind store, string? connection)
    {
        var settings = ChainLedgerSettings.From(options);

        settings.Store.Should().Be(store);
        settings.ConnectionString.Should().Be(connection);
    }

    [Fact]
    public void Limits_and_durations_default_and_override()
    {
        var defaults = ChainLedgerSettings.From(new ChainLedgerOptions());
        var custom = ChainLedgerSettings.From(new ChainLedgerOptions
        {
            SizeLimitBytes = 64L << 20,
            Retention = TimeSpan.FromDays(1),
            OrphanGrace = TimeSpan.FromHours(2),
        });

        defaults.Limits.MaxChainBytes.Should().Be(256L << 20);
        defaults.Ledger.Retention.Should().Be(TimeSpan.FromDays(7));
        defaults.Ledger.OrphanGrace.Should().Be(TimeSpan.FromHours(1));
        custom.Limits.MaxChainBytes.Should().Be(64L << 20);
        custom.Ledger.Retention.Should().Be(TimeSpan.FromDays(1));
        custom.Ledger.OrphanGrace.Should().Be(TimeSpan.FromHours(2));
    }

    public static TheoryData<ChainLedgerOptions, string> Invalid => new()
    {
        { new ChainLedgerOptions { Store = "mysql" }, "Ledger:Store is 'mysql'; set it to configMap (the default), postgres or sqlite." },
        { new ChainLedgerOptions { Store = "postgres" }, "Ledger:ConnectionString is empty but Ledger:Store is postgres*Ledger__ConnectionString*" },
        { new ChainLedgerOptions { Store = "postgres", ConnectionString = $"Password={Password}" }, "Ledger:ConnectionString names no Host; add Host=<server>*" },
        { new ChainLedgerOptions { Store = "postgres", ConnectionString = $"Host=db;Password={Password};Bogus Key=1" }, "Ledger:ConnectionString is not a valid Npgsql connection string (value not shown*" },
        { new ChainLedgerOptions { Store = "postgres", ConnectionString = "Host=db", Schema = "Bad-Schema" }, "Ledger:Schema is 'Bad-Schema'; use up to 63 lowercase*" },
        { new ChainLedgerOptions { Store = "sqlite" }, "Ledger:ConnectionString is empty but Ledger:Store is sqlite; set it to the database file*" },
        { new ChainLedgerOptions { Store = "sqlite", ConnectionString = ":memory:" }, "Ledger:ConnectionString is ':memory:', an in-memory database that loses the ledger on restart*" },
        { new ChainLedgerOptions { Store = "sqlite", ConnectionString = "Data Source=x;Mode=Memory" }, "*an in-memory database*" },
        { new ChainLedgerOptions { ConnectionString = $"Host=db;Password={Password}" }, "Ledger:ConnectionString is set but Ledger:Store is configMap; remove it, or set Ledger:Store to postgres or sqlite." },
        { new ChainLedgerOptions { Store = "sqlite", ConnectionString = "/l.db", Namespace = "x" }, "Ledger:Namespace applies to configMap only but Ledger:Store is sqlite; remove it." },
        { new ChainLedgerOptions { Store = "sqlite", ConnectionString = "/l.db", Schema = "x" }, "Ledger:Schema applies to postgres only but Ledger:Store is sqlite; remove it." },
        { new ChainLedgerOptions { Store = "postgres", ConnectionString = "Host=db", SizeLimitBytes = 5 }, "Ledger:SizeLimitBytes applies to configMap only*" },
        { new ChainLedgerOptions { Namespace = "Not_A_Namespace" }, "Ledger:Namespace is 'Not_A_Namespace', not a Kubernetes namespace name*" },
        { new ChainLedgerOptions { SizeLimitBytes = 0 }, "Ledger:SizeLimitBytes is '0'; it must be positive*" },
        { new ChainLedgerOptions { Retention = TimeSpan.Zero }, "Ledger:Retention is '00:00:00'; it must be positive*" },
        { new ChainLedgerOptions { OrphanGrace = TimeSpan.FromMinutes(-1) }, "Ledger:OrphanGrace is '-00:01:00'; it must be positive, longer than the longest commit*" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Invalid_options_name_the_option_the_value_and_the_fix_without_revealing_a_password(ChainLedgerOptions options, string problem)
    {
        var error = FluentActions.Invoking(() => ChainLedgerSettings.From(options)).Should().Throw<LedgerConfigurationException>().Which;

        error.Problems.Should().ContainMatch(problem);
        error.Message.Should().NotContain(Password);
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var error = FluentActions.Invoking(() => ChainLedgerSettings.From(new ChainLedgerOptions
        {
            Store = "sqlite",
            Namespace = "ns",
            Retention = TimeSpan.Zero,
        })).Should().Throw<LedgerConfigurationException>().Which;

        error.Problems.Should().HaveCount(3);
        error.Message.Should().StartWith("The chain ledger configuration is invalid:");
    }
}
