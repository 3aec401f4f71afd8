using System.Text.Json.Nodes;
using SegRestore.LocalCluster.Api;
using SegRestore.LocalCluster.Patching.ServerSideApply;

namespace SegRestore.LocalCluster.Tests.Unit;

/// <summary>Apply bodies are YAML (JSON included), typed as YAML 1.2's core schema types plain scalars.</summary>
public sealed class ApplyConfigurationTests
{
    [Theory]
    [InlineData("""{"kind":"ConfigMap","data":{"a":"1"}}""", """{"kind":"ConfigMap","data":{"a":"1"}}""")]
    [InlineData("kind: ConfigMap\ndata:\n  a: \"1\"\n  b: x\n", """{"kind":"ConfigMap","data":{"a":"1","b":"x"}}""")]
    [InlineData("spec:\n  replicas: 3\n  ratio: 0.5\n  on: true\n  off: false\n  none: null\n  tilde: ~\n", """{"spec":{"replicas":3,"ratio":0.5,"on":true,"off":false,"none":null,"tilde":null}}""")]
    [InlineData("spec:\n  quoted: 'true'\n  version: \"1.20\"\n  image: nginx:1.25\n", """{"spec":{"quoted":"true","version":"1.20","image":"nginx:1.25"}}""")]
    [InlineData("spec:\n  args: [a, b]\n  ports:\n  - containerPort: 80\n", """{"spec":{"args":["a","b"],"ports":[{"containerPort":80}]}}""")]
    public void A_body_parses_to_the_json_object(string body, string expected)
    {
        var config = ApplyConfiguration.Parse(body);

        JsonNode.DeepEquals(config, JsonNode.Parse(expected)).Should().BeTrue(config.ToJsonString());
    }

    [Theory]
    [InlineData("- a\n- b\n")]
    [InlineData("a: [unclosed\n")]
    [InlineData("a: 1\n---\nb: 2\n")]
    public void A_body_that_is_not_one_object_is_400(string body)
    {
        var parse = () => ApplyConfiguration.Parse(body);

        parse.Should().Throw<ApiException>().Which.Code.Should().Be(400);
    }
}
