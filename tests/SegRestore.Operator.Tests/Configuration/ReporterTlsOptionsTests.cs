using Microsoft.Extensions.Configuration;
using SegRestore.Operator.Configuration;

namespace SegRestore.Operator.Tests.Configuration;

/// <summary>Issue 11 "Security": the reporter's TLS settings as the environment gives them, with errors that name the
/// setting and the fix.</summary>
public class ReporterTlsOptionsTests
{
    public static TheoryData<string, string?, string?, string?, string> Invalid => new()
    {
        { "https://r:9443", "/tls/tls.crt", null, null, "ReporterTls needs both CertFile and KeyFile" },
        { "https://r:9443", null, "/tls/tls.key", null, "ReporterTls needs both CertFile and KeyFile" },
        { "http://r:9443", "/tls/tls.crt", "/tls/tls.key", null, "is http, but the reporter serves TLS" },
        { "https://r:9443", "/tls/tls.crt", "/tls/tls.key", "Bad_Name", "ReporterCaSecretName = \"Bad_Name\" is not a Secret name" },
    };

    [Fact]
    public void Tls_files_and_the_ca_secret_are_read_from_the_environment_names()
    {
        var options = OperatorOptionsReader.Read(Section(new()
        {
            ["ReporterUrl"] = "https://segrestore-reporter.segrestore-system.svc:9443",
            ["ReporterTls:CertFile"] = "/tls/tls.crt",
            ["ReporterTls:KeyFile"] = "/tls/tls.key",
            ["ReporterCaSecretName"] = "reporter-ca",
        }));

        options.ReporterTls.Should().BeEquivalentTo(new { CertFile = "/tls/tls.crt", KeyFile = "/tls/tls.key", Enabled = true });
        options.ReporterCaSecretName.Should().Be("reporter-ca");
    }

    [Fact]
    public void Without_tls_settings_the_reporter_stays_h2c()
    {
        var options = OperatorOptionsReader.Read(Section(new() { ["ReporterUrl"] = "http://r:9443" }));

        options.ReporterTls.Enabled.Should().BeFalse();
        options.ReporterCaSecretName.Should().BeNull();
    }

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Inconsistent_tls_settings_are_refused_naming_the_setting(string url, string? cert, string? key, string? ca, string message)
    {
        var values = new Dictionary<string, string?> { ["ReporterUrl"] = url, ["ReporterTls:CertFile"] = cert, ["ReporterTls:KeyFile"] = key, ["ReporterCaSecretName"] = ca };

        var read = () => OperatorOptionsReader.Read(Section(values));

        read.Should().Throw<OperatorConfigurationException>().WithMessage($"*{message}*");
    }

    private static IConfigurationSection Section(Dictionary<string, string?> values) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(values.ToDictionary(kv => $"{OperatorOptions.SectionName}:{kv.Key}", kv => kv.Value))
            .Build()
            .GetSection(OperatorOptions.SectionName);
}
