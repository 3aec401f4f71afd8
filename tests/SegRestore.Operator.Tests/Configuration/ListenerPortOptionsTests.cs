using Microsoft.Extensions.Configuration;
using SegRestore.Operator.Configuration;

namespace SegRestore.Operator.Tests.Configuration;

/// <summary>The operator's two listeners (probes and metrics; the reporter) share one Kestrel host but never a port.</summary>
public class ListenerPortOptionsTests
{
    public static TheoryData<string?, string?, int, int> Accepted => new()
    {
        { null, null, 8080, 9443 },
        { "18080", "18443", 18080, 18443 },
        { "0", "9443", 0, 9443 },
    };

    [Theory]
    [MemberData(nameof(Accepted))]
    public void Distinct_ports_are_read_as_given(string? http, string? reporter, int httpPort, int reporterPort)
    {
        var options = OperatorOptionsReader.Read(Section(http, reporter));

        options.HttpPort.Should().Be(httpPort);
        options.ReporterPort.Should().Be(reporterPort);
    }

    [Theory]
    [InlineData("9443", null)]
    [InlineData("18443", "18443")]
    public void One_port_for_both_listeners_is_refused_naming_both_settings_and_the_fix(string http, string? reporter)
    {
        var read = () => OperatorOptionsReader.Read(Section(http, reporter));

        read.Should().Throw<OperatorConfigurationException>()
            .WithMessage("*Operator:HttpPort and Operator:ReporterPort are both*need ports of their own: set e.g. HttpPort 8080 and ReporterPort 9443*");
    }

    private static IConfigurationSection Section(string? http, string? reporter) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                [$"{OperatorOptions.SectionName}:ReporterUrl"] = "http://r:9443",
                [$"{OperatorOptions.SectionName}:HttpPort"] = http,
                [$"{OperatorOptions.SectionName}:ReporterPort"] = reporter,
            })
            .Build()
            .GetSection(OperatorOptions.SectionName);
}
