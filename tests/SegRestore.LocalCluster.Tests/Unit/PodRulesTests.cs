using System.Text.Json.Nodes;
using SegRestore.LocalCluster.Semantics;

namespace SegRestore.LocalCluster.Tests.Unit;

/// <summary>The API server's validation of the Pod fields the operator sets, pinned to the real server's messages.</summary>
public sealed class PodRulesTests
{
    public static TheoryData<string, string[]> Specs => new()
    {
        {
            """{"containers":[{"name":"worker","image":"w","env":[{"name":"SEGRESTORE_ARGS","value":"x"}],"volumeMounts":[{"name":"br","mountPath":"/br"}],"resources":{"requests":{"cpu":"500m"},"limits":{"cpu":"1"}}}],"volumes":[{"name":"br","emptyDir":{}}],"restartPolicy":"Never"}""",
            []
        },
        {
            """{"containers":[{"name":"Worker","image":"w"}]}""",
            ["spec.containers[0].name: Invalid value: \"Worker\": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')"]
        },
        {
            """{"initContainers":[{"name":"worker","image":"b"}],"containers":[{"name":"worker","image":"w"}]}""",
            ["spec.containers[0].name: Duplicate value: \"worker\""]
        },
        {
            """{"containers":[{"name":"w","image":"w"}],"volumes":[{"name":"data","emptyDir":{}},{"name":"data","emptyDir":{}}]}""",
            ["spec.volumes[1].name: Duplicate value: \"data\""]
        },
        {
            """{"containers":[{"name":"w","image":"w"}],"volumes":[{"name":"my_volume","emptyDir":{}}]}""",
            ["spec.volumes[0].name: Invalid value: \"my_volume\": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')"]
        },
        {
            """{"containers":[{"name":"w","image":"w","volumeMounts":[{"name":"checkpoint","mountPath":"/cp"},{"name":"br"}]}],"volumes":[{"name":"br","emptyDir":{}}]}""",
            ["spec.containers[0].volumeMounts[0].name: Not found: \"checkpoint\"", "spec.containers[0].volumeMounts[1].mountPath: Required value"]
        },
        {
            """{"containers":[{"name":"w","image":"w","env":[{"name":"1BAD"},{"value":"x"}]}]}""",
            [
                "spec.containers[0].env[0].name: Invalid value: \"1BAD\": a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')",
                "spec.containers[0].env[1].name: Required value",
            ]
        },
        {
            """{"containers":[{"name":"w","image":"w","resources":{"requests":{"cpu":"2","memory":"1Gi"},"limits":{"cpu":"1","memory":"-1"}}}]}""",
            ["spec.containers[0].resources.limits[memory]: Invalid value: \"-1\": must be greater than or equal to 0", "spec.containers[0].resources.requests[cpu]: Invalid value: \"2\": must be less than or equal to cpu limit of 1"]
        },
        {
            """{"containers":[{"name":"w","image":"w","resources":{"limits":{"cpu":"a lot"}}}]}""",
            ["spec.containers[0].resources.limits[cpu]: Invalid value: \"a lot\": quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"]
        },
        {
            """{"containers":[{"name":"w","image":"w"}],"restartPolicy":"Sometimes","tolerations":[{"key":"k","operator":"In","effect":"NoRun"}]}""",
            [
                "spec.restartPolicy: Unsupported value: \"Sometimes\": supported values: \"Always\", \"OnFailure\", \"Never\"",
                "spec.tolerations[0].operator: Unsupported value: \"In\": supported values: \"Equal\", \"Exists\"",
                "spec.tolerations[0].effect: Unsupported value: \"NoRun\": supported values: \"NoSchedule\", \"PreferNoSchedule\", \"NoExecute\"",
            ]
        },
    };

    [Theory]
    [MemberData(nameof(Specs))]
    public void A_pod_spec_is_validated_like_the_API_server_does(string spec, string[] expected)
    {
        var pod = new JsonObject { ["metadata"] = new JsonObject { ["name"] = "p" }, ["spec"] = JsonNode.Parse(spec) };

        PodRules.Validate(pod).Select(e => e.ToString()).Should().Equal(expected);
    }
}
