using SegRestore.Api.Crd;
using SegRestore.Api.Models;
using SegRestore.Api.Tests.Support;
using SegRestore.Cli.Commands;

namespace SegRestore.Api.Tests.Crd;

public class CrdGeneratorTests
{
    private static readonly CustomResourceDefinition Crd = CrdGenerator.Generate();

    private static JsonSchemaProps Root => Crd.Spec.Versions[0].Schema.OpenApiV3Schema;

    private static JsonSchemaProps Spec => Root.Properties!["spec"];

    [Fact]
    public void Committed_crd_equals_the_generated_one()
    {
        var path = RepositoryPaths.Combine("crds", CrdYaml.FileName);
        var committed = File.Exists(path) ? File.ReadAllText(path) : "";

        committed.Should().Be(CrdYaml.Render(), $"{path} is stale or missing: run `make crds` and commit the result");
    }

    [Fact]
    public void Crd_names_group_version_scope_and_subresource()
    {
        Crd.Metadata.Name.Should().Be("pointrestoresegments.segrestore.io");
        Crd.Spec.Group.Should().Be("segrestore.io");
        Crd.Spec.Scope.Should().Be("Namespaced");
        Crd.Spec.Names.Kind.Should().Be("PointRestoreSegment");
        Crd.Spec.Names.ShortNames.Should().Equal("prs");
        Crd.Spec.Names.Categories.Should().Equal("segrestore");
        Crd.Spec.Versions.Should().ContainSingle().Which.Name.Should().Be("v1alpha1");
        Crd.Spec.Versions[0].Subresources!.Status.Should().NotBeNull();
    }

    [Fact]
    public void Printer_columns_follow_the_design()
    {
        Crd.Spec.Versions[0].AdditionalPrinterColumns!.Select(column => (column.Name, column.JsonPath)).Should().Equal(
            ("Chain", ".status.chain.root"),
            ("Index", ".status.chain.index"),
            ("Start (UTC)", ".status.startTime"),
            ("Restored (UTC)", ".status.restoredTime"),
            ("Last", ".spec.last"),
            ("Phase", ".status.phase"),
            ("Progress", ".status.progress.percent"),
            ("Age", ".metadata.creationTimestamp"));
    }

    [Fact]
    public void Immutability_rule_has_the_contract_shape()
    {
        var rule = Root.XKubernetesValidations.Should().ContainSingle().Subject;
        var frozen = new[] { "cluster", "previousSegment", "fullBackup", "log", "startTs", "restoredTs", "last", "checkpoint", "br", "worker" };
        var clauses = frozen.Select(p => $"(has(self.spec.{p}) == has(oldSelf.spec.{p})) && (!has(self.spec.{p}) || self.spec.{p} == oldSelf.spec.{p})");

        rule.Rule.Should().Be($"!has(oldSelf.status) || !has(oldSelf.status.startedAt) || ({string.Join(" && ", clauses)})");
        rule.Rule.Should().Be(SpecImmutabilityRule.Rule());
        rule.Message.Should().Be("spec is immutable once the segment has started (status.startedAt is set); only spec.hold and spec.retry may change");
        rule.Reason.Should().Be("FieldValueForbidden");
        SpecImmutabilityRule.FrozenProperties().Should().Equal(frozen);
    }

    [Fact]
    public void Spec_schema_carries_required_fields_enums_patterns_and_defaults()
    {
        Spec.Required.Should().Equal("cluster", "log");
        // pd or tidbClusterRef, exactly one (SegmentSpecRules says which is wrong): the schema requires neither.
        Spec.Properties!["cluster"].Required.Should().BeNullOrEmpty();
        Spec.Properties!["cluster"].Properties!.Keys.Should().Contain(["pd", "tidbClusterRef", "tlsSecretName", "sql"]);
        Spec.Properties!["cluster"].Properties!["tidbClusterRef"].Required.Should().Equal("name");
        Spec.Properties!["cluster"].Properties!["sql"].Required.Should().Equal("secretName");
        Spec.Properties["checkpoint"].Properties!["mode"].Enum.Should().Equal("Managed", "Table", "External");
        Spec.Properties["checkpoint"].Properties!["mode"].Default.Should().BeNull("a later segment that omits the mode inherits the root's");
        Spec.Properties["last"].Default!.GetValue<bool>().Should().BeFalse();
        Spec.Properties["retry"].Properties!["maxAttempts"].Default!.GetValue<int>().Should().Be(3);
        Spec.Properties["retry"].Properties!["backoffSeconds"].Default!.GetValue<int>().Should().Be(30);
        Spec.Properties["restoredTs"].Pattern.Should().Be(SchemaPatterns.Timestamp);
        Spec.Properties["log"].Properties!["url"].Pattern.Should().Be(SchemaPatterns.StorageUrl);
        Spec.Properties["br"].Properties!["concurrency"].Minimum.Should().Be(1);
        Spec.Properties["worker"].Properties!["affinity"].XKubernetesPreserveUnknownFields.Should().BeTrue();
        Spec.Properties["worker"].Properties!["resources"].Properties!["limits"].AdditionalProperties!.XKubernetesIntOrString.Should().BeTrue();
        Root.Properties!["status"].Properties!["phase"].Enum.Should().Equal("Pending", "Waiting", "Running", "Succeeded", "Failed", "Invalid");
        Root.Properties["status"].Properties!["chain"].Properties!["dialect"].Enum.Should().Equal("last-segment", "last", "none");
        Root.Properties["status"].Properties!["conditions"].XKubernetesListType.Should().Be("map");
    }

    [Fact]
    public void Schema_is_structural_every_node_has_a_type_or_is_int_or_string()
    {
        var problems = new List<string>();
        Walk(Root, "", problems);

        problems.Should().BeEmpty();
    }

    [Fact]
    public void Every_spec_field_has_a_description()
    {
        var missing = new List<string>();
        Describe(Spec, "spec", missing);

        missing.Should().BeEmpty();
    }

    private static void Walk(JsonSchemaProps schema, string path, List<string> problems)
    {
        if (schema.Type is null && schema.XKubernetesIntOrString != true)
        {
            problems.Add($"{path}: no type");
        }

        foreach (var (name, child) in schema.Properties ?? [])
        {
            Walk(child, $"{path}.{name}", problems);
        }

        if (schema.Items is { } items)
        {
            Walk(items, path + "[]", problems);
        }

        if (schema.AdditionalProperties is { } additional)
        {
            Walk(additional, path + "{}", problems);
        }
    }

    private static void Describe(JsonSchemaProps schema, string path, List<string> missing)
    {
        foreach (var (name, child) in schema.Properties ?? [])
        {
            if (string.IsNullOrEmpty(child.Description))
            {
                missing.Add($"{path}.{name}");
            }

            Describe(child, $"{path}.{name}", missing);
        }
    }
}
