using Microsoft.Extensions.Configuration;
using SegRestore.Store.Hosting;

namespace SegRestore.Store.Tests.Hosting;

public sealed class ChainLedgerOptionsReaderTests
{
    [Fact]
    public void Reads_every_option_from_its_section()
    {
        var options = ChainLedgerOptionsReader.Read(Section(new()
        {
            ["Ledger:Store"] = "postgres",
            ["Ledger:ConnectionString"] = "Host=db",
            ["Ledger:Schema"] = "ledger",
            ["Ledger:Namespace"] = " ns ",
            ["Ledger:SizeLimitBytes"] = "1048576",
            ["Ledger:Retention"] = "7.00:00:00",
            ["Ledger:OrphanGrace"] = "01:30:00",
        }));

        options.Should().Be(new ChainLedgerOptions
        {
            Store = "postgres",
            ConnectionString = "Host=db",
            Schema = "ledger",
            Namespace = "ns",
            SizeLimitBytes = 1_048_576,
            Retention = TimeSpan.FromDays(7),
            OrphanGrace = TimeSpan.FromMinutes(90),
        });
    }

    [Fact]
    public void Missing_and_empty_options_are_null() =>
        ChainLedgerOptionsReader.Read(Section(new() { ["Ledger:Store"] = "" })).Should().Be(new ChainLedgerOptions());

    [Theory]
    [InlineData("SizeLimitBytes", "256MiB", "Ledger:SizeLimitBytes is '256MiB', not a whole number of bytes; write e.g. 268435456 for 256 MiB.")]
    [InlineData("SizeLimitBytes", "-1", "Ledger:SizeLimitBytes is '-1', not a whole number of bytes*")]
    [InlineData("Retention", "7 days", "Ledger:Retention is '7 days', not a duration; write [d.]hh:mm:ss, e.g. 7.00:00:00*")]
    [InlineData("OrphanGrace", "1h", "Ledger:OrphanGrace is '1h', not a duration*")]
    public void Unparsable_values_name_the_key_the_value_and_the_form(string key, string value, string problem) =>
        FluentActions.Invoking(() => ChainLedgerOptionsReader.Read(Section(new() { [$"Ledger:{key}"] = value })))
            .Should().Throw<LedgerConfigurationException>().Which.Problems.Should().ContainMatch(problem);

    private static IConfigurationSection Section(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build().GetSection("Ledger");
}
