using System.Xml.Linq;
using SegRestore.Api.Tests.Support;

namespace SegRestore.Cli.Tests;

/// <summary>`make publish` builds the CLI as one self-contained file and `make plugin` installs from it; a publish
/// takes minutes, so these check the settings that produce it, not the binary.</summary>
public class CliPublishSettingsTests
{
    [Fact]
    public void The_cli_publishes_as_one_self_contained_file_with_its_native_libraries_when_given_a_runtime()
    {
        var project = XDocument.Load(RepositoryPaths.Combine("src", "SegRestore.Cli", "SegRestore.Cli.csproj"));
        var publish = project.Root!.Elements("PropertyGroup")
            .Single(g => (string?)g.Attribute("Condition") == "'$(RuntimeIdentifier)' != ''");

        foreach (var setting in new[] { "SelfContained", "PublishSingleFile", "IncludeNativeLibrariesForSelfExtract" })
        {
            publish.Element(setting)?.Value.Should().Be("true", "{0} makes the published CLI one installable file", setting);
        }

        project.Root.Elements("PropertyGroup").Where(g => g.Attribute("Condition") is null)
            .SelectMany(g => g.Elements()).Select(e => e.Name.LocalName)
            .Should().NotContain(["SelfContained", "PublishSingleFile"], "the test projects reference the CLI framework-dependent");
    }

    [Fact]
    public void Make_publish_puts_the_cli_beside_the_operator_and_worker_and_make_plugin_installs_it()
    {
        var makefile = File.ReadAllText(RepositoryPaths.Combine("Makefile"));
        var recipe = makefile[makefile.IndexOf("\npublish:", StringComparison.Ordinal)..];
        recipe = recipe[..recipe.IndexOf("\n\n", StringComparison.Ordinal)];
        var plugin = File.ReadAllText(RepositoryPaths.Combine("tests", "setup", "install-plugin.sh"));

        recipe.Should().Contain("publish src/SegRestore.Cli/SegRestore.Cli.csproj -c Release -r linux-x64").And.Contain("-o $(PUBLISH_DIR)/cli")
            .And.Contain("$(PUBLISH_DIR)/operator").And.Contain("$(PUBLISH_DIR)/worker");
        makefile.Should().Contain("PUBLISH_DIR := artifacts/publish");
        plugin.Should().Contain("artifacts/publish/cli/segrestore").And.Contain("kubectl-segrestore").And.Contain("$prefix/segrestore");
    }
}
