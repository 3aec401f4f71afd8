using System.Text.Json.Nodes;
using SegRestore.LocalCluster.Resources;
using SegRestore.LocalCluster.Semantics;

namespace SegRestore.LocalCluster.Tests.Unit;

public sealed class DataSizeLimitTests
{
    public static TheoryData<string, string, int, bool> Cases => new()
    {
        // resource, map, payload bytes (the key "k" adds 1 byte for ConfigMaps), refused
        { "configmaps", "data", DataSizeLimit.MaxBytes - 1, false },
        { "configmaps", "data", DataSizeLimit.MaxBytes, true },
        { "configmaps", "binaryData", DataSizeLimit.MaxBytes - 1, false },
        { "configmaps", "binaryData", DataSizeLimit.MaxBytes, true },
        { "secrets", "data", DataSizeLimit.MaxBytes, false },
        { "secrets", "data", DataSizeLimit.MaxBytes + 1, true },
        { "secrets", "stringData", DataSizeLimit.MaxBytes + 1, true },
        { "pods", "data", DataSizeLimit.MaxBytes * 2, false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Data_over_one_MiB_is_too_long(string plural, string map, int bytes, bool refused)
    {
        var resource = plural switch
        {
            "configmaps" => BuiltInResources.ConfigMaps,
            "secrets" => BuiltInResources.Secrets,
            _ => BuiltInResources.Pods,
        };
        var base64 = map is "binaryData" || (plural == "secrets" && map == "data");
        var value = base64 ? Convert.ToBase64String(new byte[bytes]) : new string('x', bytes);
        var candidate = new JsonObject { [map] = new JsonObject { ["k"] = value } };

        var errors = DataSizeLimit.Check(resource, candidate).ToList();

        errors.Should().HaveCount(refused ? 1 : 0);
        if (refused)
        {
            errors[0].Reason.Should().Be("FieldValueTooLong");
            errors[0].Detail.Should().Be("Too long: may not be more than 1048576 bytes");
        }
    }
}
