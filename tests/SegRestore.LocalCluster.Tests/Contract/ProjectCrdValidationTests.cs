using System.Text.Json.Nodes;
using SegRestore.Api.Tests.Support;
using SegRestore.LocalCluster.Tests.Support;

namespace SegRestore.LocalCluster.Tests.Contract;

/// <summary>The project's generated CRD (crds/) under LocalCluster: a timestamp without a zone is answered with the
/// CRD rule's message that says to add one, and a sample segment passes Strict field validation.</summary>
[Collection(SharedCluster.Name)]
[Trait("Category", "Contract")]
public sealed class ProjectCrdValidationTests(ClusterFixture cluster)
{
    private const string Segments = "/apis/segrestore.io/v1alpha1";
    private const string ZoneMessage = "must be a TSO (e.g. 463736294698909699) or an RFC 3339 timestamp with a zone, e.g. 2026-12-03T10:00:00Z: add a zone (Z or +01:00)";

    public static TheoryData<string, string, bool> Timestamps => new()
    {
        { "restoredTs", "2026-01-22T00:39:25", true },
        { "restoredTs", "2026-01-22 00:39:25", true },
        { "restoredTs", "22/01/2026", true },
        { "startTs", "2026-01-22T00:39:25.5", true },
        { "restoredTs", "2026-01-22T00:39:25+08:00", false },
        { "restoredTs", "463736294698909699", false },
    };

    [LocalOnlyTheory]
    [MemberData(nameof(Timestamps))]
    public async Task A_timestamp_without_a_zone_is_answered_with_the_rules_message(string field, string value, bool refused)
    {
        var ns = await Setup();
        var segment = Sample($"s-{Guid.NewGuid():N}"[..12]);
        segment["spec"]![field] = value;

        var response = await cluster.Http.Post($"{Segments}/namespaces/{ns}/pointrestoresegments?fieldValidation=Strict", segment);

        if (!refused)
        {
            response.ShouldBe(201);
            return;
        }

        response.ShouldBe(422).Reason.Should().Be("Invalid");
        var causes = response.Json["details"]!["causes"]!.AsArray();
        causes.Should().Contain(c => c!["field"]!.GetValue<string>() == $"spec.{field}"
            && c["message"]!.GetValue<string>() == $"Invalid value: \"string\": {ZoneMessage}");
        response.Json["message"]!.GetValue<string>().Should().Contain("add a zone");
    }

    [LocalOnlyFact]
    public async Task The_samples_pass_strict_field_validation_without_warnings()
    {
        var ns = await Setup();
        foreach (var file in Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "config", "samples", "three-segment"), "*.yaml").Order(StringComparer.Ordinal))
        {
            var segment = YamlJson.Documents(File.ReadAllText(file))[0];
            segment["metadata"]!.AsObject().Remove("namespace");

            var response = (await cluster.Http.Post($"{Segments}/namespaces/{ns}/pointrestoresegments?fieldValidation=Strict", segment)).ShouldBe(201);

            response.Warnings.Should().BeEmpty(Path.GetFileName(file));
        }
    }

    private static JsonObject Sample(string name) => (JsonObject)JsonNode.Parse($$"""
        {"apiVersion":"segrestore.io/v1alpha1","kind":"PointRestoreSegment","metadata":{"name":"{{name}}"},
         "spec":{"cluster":{"pd":"basic-pd.tidb:2379"},"log":{"url":"s3://backups/log","secretName":"s3-creds"},
           "fullBackup":{"url":"s3://backups/full","secretName":"s3-creds"},"restoredTs":"463736294698909699"} }
        """)!;

    private async Task<string> Setup()
    {
        var crd = YamlJson.Documents(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "crds", "segrestore.io_pointrestoresegments.yaml")))[0];
        var created = await cluster.Http.Post("/apis/apiextensions.k8s.io/v1/customresourcedefinitions", crd);
        created.Code.Should().BeOneOf([201, 409], created.Text);
        await Eventually.Until(async () => (await cluster.Http.Get($"{Segments}/pointrestoresegments")).Code == 200, "segments are served");
        return await cluster.NewNamespace();
    }
}
