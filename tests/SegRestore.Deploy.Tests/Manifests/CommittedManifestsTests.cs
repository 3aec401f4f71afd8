using SegRestore.Api.Tests.Support;
using SegRestore.Cli.Manifests;

namespace SegRestore.Deploy.Tests.Manifests;

/// <summary>config/ and the chart's generated RBAC rules are what `make manifests` writes today.</summary>
public class CommittedManifestsTests
{
    public static TheoryData<string> ConfigFiles() => new(ManifestSet.Render(new ManifestSettings()).Keys);

    [Theory]
    [MemberData(nameof(ConfigFiles))]
    public void Committed_config_file_equals_the_generated_one(string name)
    {
        var path = RepositoryPaths.Combine("config", name);
        var committed = File.Exists(path) ? File.ReadAllText(path) : "";

        committed.Should().Be(ManifestSet.Render(new ManifestSettings())[name],
            $"{path} is stale or missing: run `make manifests` and commit the result");
    }

    [Fact]
    public void Committed_chart_rbac_rules_equal_the_generated_ones()
    {
        var path = RepositoryPaths.Combine("charts", "segrestore", RbacRulesTemplate.RelativePath);
        var committed = File.Exists(path) ? File.ReadAllText(path) : "";

        committed.Should().Be(RbacRulesTemplate.Render(), $"{path} is stale or missing: run `make manifests` and commit the result");
    }

    [Fact]
    public void Chart_crd_is_a_byte_identical_copy_of_crds()
    {
        var source = Directory.GetFiles(RepositoryPaths.Combine("crds"), "*.yaml").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        var copy = Directory.GetFiles(RepositoryPaths.Combine("charts", "segrestore", "crds"), "*.yaml").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();

        copy.Should().Equal(source, "charts/segrestore/crds must hold exactly the files of crds/: run `make crds`");
        foreach (var name in source)
        {
            File.ReadAllText(RepositoryPaths.Combine("charts", "segrestore", "crds", name!))
                .Should().Be(File.ReadAllText(RepositoryPaths.Combine("crds", name!)), $"charts/segrestore/crds/{name} is stale: run `make crds`");
        }
    }

    [Fact]
    public void Install_guide_shows_the_rbac_table_generated_from_the_operator_rules()
    {
        var path = RepositoryPaths.Combine("docs", "install.md");

        File.ReadAllText(path).Should().Contain(RbacDocumentation.Table(),
            $"{path} must show every RBAC rule with its reason; paste RbacDocumentation.Table() (the expected text above) into it");
    }
}
