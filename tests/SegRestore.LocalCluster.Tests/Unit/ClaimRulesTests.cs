using System.Text.Json.Nodes;
using SegRestore.LocalCluster.Semantics;

namespace SegRestore.LocalCluster.Tests.Unit;

/// <summary>The API server's PersistentVolumeClaim defaulting and validation, pinned to the real server's messages.</summary>
public sealed class ClaimRulesTests
{
    public static TheoryData<string, string[]> Specs => new()
    {
        { """{"accessModes":["ReadWriteOnce"],"resources":{"requests":{"storage":"1Gi"}}}""", [] },
        { """{"accessModes":["ReadWriteOncePod"],"resources":{"requests":{"storage":"500M"}},"storageClassName":"fast"}""", [] },
        { """{"accessModes":["ReadOnlyMany","ReadWriteMany"],"resources":{"requests":{"storage":1073741824}},"volumeMode":"Block"}""", [] },
        { """{"resources":{"requests":{"storage":"1Gi"}}}""", ["spec.accessModes: Required value: at least 1 access mode is required"] },
        { """{"accessModes":[],"resources":{"requests":{"storage":"1Gi"}}}""", ["spec.accessModes: Required value: at least 1 access mode is required"] },
        { """{"accessModes":["ReadWriteOnce"]}""", ["spec.resources[storage]: Required value"] },
        { """{"accessModes":["ReadWriteOnce"],"resources":{"requests":{"cpu":"1"}}}""", ["spec.resources[storage]: Required value"] },
        {
            """{"accessModes":["ReadWriteSometimes"],"resources":{"requests":{"storage":"1Gi"}}}""",
            ["spec.accessModes: Unsupported value: \"ReadWriteSometimes\": supported values: \"ReadOnlyMany\", \"ReadWriteMany\", \"ReadWriteOnce\", \"ReadWriteOncePod\""]
        },
        {
            """{"accessModes":["ReadWriteOncePod","ReadWriteOnce"],"resources":{"requests":{"storage":"1Gi"}}}""",
            ["spec.accessModes: Forbidden: may not use ReadWriteOncePod with other access modes"]
        },
        { """{"accessModes":["ReadWriteOnce"],"resources":{"requests":{"storage":"0"}}}""", ["spec.resources[storage]: Invalid value: \"0\": must be greater than zero"] },
        { """{"accessModes":["ReadWriteOnce"],"resources":{"requests":{"storage":"-1Gi"}}}""", ["spec.resources[storage]: Invalid value: \"-1Gi\": must be greater than zero"] },
        {
            """{"accessModes":["ReadWriteOnce"],"resources":{"requests":{"storage":"lots"}}}""",
            ["spec.resources[storage]: Invalid value: \"lots\": quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"]
        },
        {
            """{"accessModes":["ReadWriteOnce"],"resources":{"requests":{"storage":"1Gi"}},"volumeMode":"Raw"}""",
            ["spec.volumeMode: Unsupported value: \"Raw\": supported values: \"Block\", \"Filesystem\""]
        },
        {
            """{}""",
            ["spec.accessModes: Required value: at least 1 access mode is required", "spec.resources[storage]: Required value"]
        },
    };

    [Theory]
    [MemberData(nameof(Specs))]
    public void A_claim_spec_is_validated_like_the_API_server_does(string spec, string[] expected)
    {
        var errors = ClaimRules.ValidateSpec((JsonObject)JsonNode.Parse(spec)!);

        errors.Select(e => e.ToString()).Should().Equal(expected);
    }

    [Fact]
    public void A_new_claim_gets_the_protection_finalizer_a_Pending_status_and_the_Filesystem_volume_mode()
    {
        var claim = Claim("1Gi", finalizers: ["example.com/keep"]);
        claim["status"] = new JsonObject { ["phase"] = "Bound" };

        ClaimRules.Admit(claim, previous: null).Should().BeEmpty();

        claim["metadata"]!["finalizers"]!.AsArray().Select(f => f!.GetValue<string>()).Should().Equal("example.com/keep", "kubernetes.io/pvc-protection");
        claim["status"]!["phase"]!.GetValue<string>().Should().Be("Pending");
        claim["spec"]!["volumeMode"]!.GetValue<string>().Should().Be("Filesystem");
    }

    public static TheoryData<string, string, string, bool> Updates => new()
    {
        // phase of the stored claim, the field changed, its new value, allowed
        { "Bound", "resources.requests.storage", "2Gi", true },
        { "Pending", "resources.requests.storage", "2Gi", false },
        { "Bound", "accessModes", "ReadOnlyMany", false },
        { "Bound", "storageClassName", "other", false },
        { "Pending", "volumeName", "pv-1", true },
        { "Bound", "volumeAttributesClassName", "gold", true },
    };

    [Theory]
    [MemberData(nameof(Updates))]
    public void A_claim_spec_is_immutable_except_the_storage_request_of_a_bound_claim_and_an_unset_volume_name(
        string phase, string field, string value, bool allowed)
    {
        var previous = Claim("1Gi");
        previous["spec"]!["storageClassName"] = "standard";
        previous["status"] = new JsonObject { ["phase"] = phase };
        var candidate = (JsonObject)previous.DeepClone();
        var spec = (JsonObject)candidate["spec"]!;
        switch (field)
        {
            case "resources.requests.storage":
                spec["resources"]!["requests"]!["storage"] = value;
                break;
            case "accessModes":
                spec["accessModes"] = new JsonArray(value);
                break;
            default:
                spec[field] = value;
                break;
        }

        var error = ClaimRules.CheckImmutable(previous, candidate);

        if (allowed)
        {
            error.Should().BeNull();
        }
        else
        {
            error!.ToString().Should().Be("spec: Forbidden: spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims");
        }
    }

    [Theory]
    [InlineData("1Gi", 1073741824d)]
    [InlineData("1G", 1e9)]
    [InlineData("512Mi", 536870912d)]
    [InlineData("1.5Ki", 1536d)]
    [InlineData("1e3", 1000d)]
    [InlineData("100m", 0.1)]
    [InlineData("42", 42d)]
    public void Storage_quantities_parse_to_their_value(string text, double expected)
    {
        StorageQuantity.TryParse(text, out var value).Should().BeTrue();
        value.Should().BeApproximately(expected, 1e-9);
    }

    [Theory]
    [InlineData("")]
    [InlineData("1GB")]
    [InlineData("Gi")]
    [InlineData("1 Gi")]
    [InlineData("1Xi")]
    public void Malformed_storage_quantities_are_rejected(string text) =>
        StorageQuantity.TryParse(text, out _).Should().BeFalse();

    private static JsonObject Claim(string storage, string[]? finalizers = null)
    {
        var metadata = new JsonObject { ["name"] = "data" };
        if (finalizers is not null)
        {
            metadata["finalizers"] = new JsonArray([.. finalizers.Select(f => (JsonNode)f)]);
        }

        return new JsonObject
        {
            ["metadata"] = metadata,
            ["spec"] = new JsonObject
            {
                ["accessModes"] = new JsonArray("ReadWriteOnce"),
                ["resources"] = new JsonObject { ["requests"] = new JsonObject { ["storage"] = storage } },
            },
        };
    }
}
