using Microsoft.Extensions.Configuration;
using SegRestore.Operator.Configuration;

namespace SegRestore.Operator.Tests.Configuration;

/// <summary>The chain checkpoint claim's settings as the environment gives them (Operator__CheckpointVolume__*).</summary>
public class CheckpointVolumeOptionsTests
{
    public static TheoryData<string, string, string> Invalid => new()
    {
        { "Enabled", "yes", "CheckpointVolume:Enabled = \"yes\" is not true or false" },
        { "Size", "1GB", "CheckpointVolume:Size = \"1GB\" is not a positive storage quantity; write e.g. 1Gi or 500Mi" },
        { "Size", "0Gi", "CheckpointVolume:Size = \"0Gi\" is not a positive storage quantity" },
        { "Size", "-1Gi", "CheckpointVolume:Size = \"-1Gi\" is not a positive storage quantity" },
        { "Size", "Gi", "CheckpointVolume:Size = \"Gi\" is not a positive storage quantity" },
        { "StorageClassName", "Fast_SSD", "CheckpointVolume:StorageClassName = \"Fast_SSD\" is not a StorageClass name" },
    };

    [Fact]
    public void By_default_every_managed_chain_gets_a_one_gibibyte_claim_of_the_default_class()
    {
        var options = OperatorOptionsReader.Read(Section([]));

        options.CheckpointVolume.Should().BeEquivalentTo(new CheckpointVolumeOptions { Enabled = true, StorageClassName = null, Size = "1Gi" });
    }

    [Theory]
    [InlineData("false", "", "1Gi", false, null, "1Gi")]
    [InlineData("true", "fast-ssd", "500Mi", true, "fast-ssd", "500Mi")]
    [InlineData("True", "standard", "0.5Gi", true, "standard", "0.5Gi")]
    [InlineData(null, null, "2G", true, null, "2G")]
    public void Settings_are_read_from_the_environment_names(
        string? enabled, string? storageClass, string size, bool expectedEnabled, string? expectedClass, string expectedSize)
    {
        var options = OperatorOptionsReader.Read(Section(new()
        {
            ["CheckpointVolume:Enabled"] = enabled,
            ["CheckpointVolume:StorageClassName"] = storageClass,
            ["CheckpointVolume:Size"] = size,
        }));

        options.CheckpointVolume.Should().BeEquivalentTo(new CheckpointVolumeOptions { Enabled = expectedEnabled, StorageClassName = expectedClass, Size = expectedSize });
    }

    [Theory]
    [MemberData(nameof(Invalid))]
    public void A_bad_setting_is_refused_naming_it_and_the_fix(string key, string value, string message)
    {
        var read = () => OperatorOptionsReader.Read(Section(new() { ["CheckpointVolume:" + key] = value }));

        read.Should().Throw<OperatorConfigurationException>().WithMessage($"*{message}*");
    }

    private static IConfigurationSection Section(Dictionary<string, string?> values)
    {
        values["ReporterUrl"] = "http://r:9443";
        return new ConfigurationBuilder()
            .AddInMemoryCollection(values.ToDictionary(kv => $"{OperatorOptions.SectionName}:{kv.Key}", kv => kv.Value))
            .Build()
            .GetSection(OperatorOptions.SectionName);
    }
}
