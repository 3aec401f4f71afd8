using System.Text.Json.Nodes;
using SegRestore.Api.Crd;
using SegRestore.Api.Schema;

namespace SegRestore.Api.Tests.Samples;

public class StructuralSchemaValidatorTests
{
    private static JsonNode Valid() => JsonNode.Parse("""
        {"apiVersion":"segrestore.io/v1alpha1","kind":"PointRestoreSegment","metadata":{"name":"a","labels":{"x":"y"}},
         "spec":{"cluster":{"pd":"pd:2379"},"fullBackup":{"url":"s3://b/full"},"log":{"url":"s3://b/log"},"restoredTs":"1000",
                 "worker":{"resources":{"requests":{"cpu":2,"memory":"4Gi"}},"affinity":{"anything":{"goes":[1]}}}}}
        """)!;

    public static TheoryData<string, string, string> Broken => new()
    {
        { "spec.cluster.pd", "", "at least 1 characters" },
        { "spec.log", "delete", "spec.log: required field is missing" },
        { "spec.lastt", "true", "spec.lastt: unknown field" },
        { "spec.last", "\"yes\"", "spec.last: must be a boolean" },
        { "spec.checkpoint", "{\"mode\":\"Sometimes\"}", "is not one of Managed, Table, External" },
        { "spec.restoredTs", "\"2026-01-22 00:39:25\"", "does not match" },
        { "spec.log.url", "\"ftp://b/log\"", "does not match" },
        { "spec.retry", "{\"maxAttempts\":0}", "less than the minimum 1" },
        { "spec.retry", "{\"maxAttempts\":1.5}", "must be an integer" },
        { "spec.br", "{\"extraArgs\":\"--x\"}", "must be an array" },
        { "spec.worker", "{\"resources\":{\"limits\":{\"memory\":\"lots\"}}}", "does not match" },
        { "spec.worker", "{\"resources\":{\"limits\":{\"memory\":true}}}", "must be an integer or a string" },
        { "spec.previousSegment", "null", "null is not allowed" },
    };

    [Fact]
    public void A_valid_document_has_no_errors()
    {
        StructuralSchemaValidator.Validate(Valid(), CrdGenerator.RootSchema()).Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(Broken))]
    public void Broken_documents_are_reported_with_their_path(string path, string value, string expected)
    {
        var document = Valid();
        var parts = path.Split('.');
        var parent = parts[..^1].Aggregate(document, (node, part) => node[part]!);
        if (value == "delete")
        {
            parent.AsObject().Remove(parts[^1]);
        }
        else
        {
            parent[parts[^1]] = value.Length == 0 ? JsonValue.Create("") : JsonNode.Parse(value);
        }

        StructuralSchemaValidator.Validate(document, CrdGenerator.RootSchema()).Should().Contain(error => error.Contains(expected));
    }
}
