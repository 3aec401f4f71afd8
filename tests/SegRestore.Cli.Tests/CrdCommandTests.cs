using SegRestore.Cli.Commands;
using SegRestore.Cli.Yaml;

namespace SegRestore.Cli.Tests;

public class CrdCommandTests
{
    [Fact]
    public void Crd_command_writes_the_rendered_crd_into_the_output_directory()
    {
        var directory = Path.Combine(Path.GetTempPath(), "segrestore-crd-" + Guid.NewGuid().ToString("N"));
        try
        {
            var exitCode = Program.Main(["crd", "--output", directory]);

            exitCode.Should().Be(0);
            File.ReadAllText(Path.Combine(directory, CrdYaml.FileName)).Should().Be(CrdYaml.Render());
        }
        finally
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }

    [Fact]
    public void Rendering_is_deterministic_and_parses_back_to_the_same_tree()
    {
        var first = CrdYaml.Render();
        var second = CrdYaml.Render();

        first.Should().Be(second);
        first.Should().StartWith("# Generated").And.Contain("kind: CustomResourceDefinition").And.EndWith("\n");
        var document = YamlJson.ParseDocuments(first).Should().ContainSingle().Subject!;
        document["spec"]!["names"]!["shortNames"]![0]!.GetValue<string>().Should().Be("prs");
        document["spec"]!["versions"]![0]!["subresources"]!["status"]!.AsObject().Count.Should().Be(0);
    }

    [Fact]
    public void Unknown_option_fails_with_a_non_zero_exit_code()
    {
        Program.Main(["crd", "--bogus"]).Should().NotBe(0);
    }
}
