using System.Text.Json.Nodes;
using SegRestore.Cli.Yaml;

namespace SegRestore.Cli.Tests;

public class YamlJsonTests
{
    [Fact]
    public void Plain_scalars_get_yaml_core_types_and_quoted_ones_stay_strings()
    {
        const string yaml = """
            a: 1
            b: "1"
            c: true
            d: 'false'
            e: 1.5
            f: ~
            g: 463736294698909699
            h: s3://backups/log
            i: !!str 42
            j: [x, 2]
            """;

        var json = YamlJson.ParseDocuments(yaml).Single()!.AsObject();

        json["a"]!.GetValue<long>().Should().Be(1);
        json["b"]!.GetValue<string>().Should().Be("1");
        json["c"]!.GetValue<bool>().Should().BeTrue();
        json["d"]!.GetValue<string>().Should().Be("false");
        json["e"]!.GetValue<double>().Should().Be(1.5);
        json["f"].Should().BeNull();
        json.ContainsKey("f").Should().BeTrue();
        json["g"]!.GetValue<long>().Should().Be(463736294698909699);
        json["h"]!.GetValue<string>().Should().Be("s3://backups/log");
        json["i"]!.GetValue<string>().Should().Be("42");
        json["j"]!.AsArray().Count.Should().Be(2);
    }

    [Fact]
    public void Several_documents_are_read_and_empty_ones_skipped()
    {
        YamlJson.ParseDocuments("a: 1\n---\n---\nb: 2\n").Should().HaveCount(2);
    }

    [Fact]
    public void A_complex_mapping_key_is_a_yaml_error_not_a_crash()
    {
        var parse = () => YamlJson.ParseDocuments("? [a, b]\n: 1\n");

        parse.Should().Throw<YamlDotNet.Core.YamlException>().WithMessage("*mapping key*");
    }

    [Theory]
    [InlineData("true")]
    [InlineData("no")]
    [InlineData("123")]
    [InlineData("1.5e3")]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("~")]
    [InlineData("0x1F")]
    [InlineData("*.*")]
    [InlineData("key: value")]
    [InlineData("--pd")]
    [InlineData("- item")]
    [InlineData("# comment")]
    public void Strings_that_look_like_other_types_survive_a_round_trip(string text)
    {
        var node = new JsonObject { ["value"] = text, ["list"] = new JsonArray(text) };

        var yaml = YamlJson.ToYaml(node);
        var back = YamlJson.ParseDocuments(yaml).Single()!;

        back["value"]!.GetValue<string>().Should().Be(text, yaml);
        back["list"]![0]!.GetValue<string>().Should().Be(text, yaml);
    }

    [Fact]
    public void Numbers_and_booleans_are_written_plain_in_key_order()
    {
        var yaml = YamlJson.ToYaml(new JsonObject { ["z"] = 1, ["a"] = false, ["m"] = 2.5 });

        yaml.Should().Be("z: 1\na: false\nm: 2.5\n");
    }
}
