using System.Text.Json.Nodes;
using SegRestore.Api.Tests.Support;
using SegRestore.Cli.Yaml;
using SegRestore.Deploy.Tests.Support;

namespace SegRestore.Deploy.Tests.Chart;

/// <summary>values.yaml against values.schema.json with ajv (tests/interop/validate-json-schema.js), as helm does
/// on install: the defaults pass, and the mistakes the schema is there to catch fail with the field named.</summary>
public class ValuesSchemaTests
{
    private static string SchemaPath => RepositoryPaths.Combine("charts", "segrestore", "values.schema.json");

    private static JsonNode Defaults => YamlJson.ParseDocuments(File.ReadAllText(RepositoryPaths.Combine("charts", "segrestore", "values.yaml"))).Single()!;

    public static TheoryData<string, string, string> Mistakes() => new()
    {
        { "ledger.store", "\"mysql\"", "/ledger/store must be equal to one of the allowed values" },
        { "ledger.store", "\"postgres\"", "/ledger/postgres/existingSecret must NOT have fewer than 1 characters" },
        { "watchNamespaces", "[\"tidb\",\"tidb-2\"]", "/watchNamespaces must NOT have more than 1 items" },
        { "watchNamespaces", "[\"Not_A_Namespace\"]", "/watchNamespaces/0 must match pattern" },
        { "replicaCount", "0", "/replicaCount must be >= 1" },
        { "service.reporterPort", "\"9443\"", "/service/reporterPort must be integer" },
        { "ledger.retention", "\"7d\"", "/ledger/retention must match pattern" },
        { "image.operator.pullPolicy", "\"Sometimes\"", "/image/operator/pullPolicy must be equal to one of the allowed values" },
        { "ledger.sqllite", "{}", "must NOT have additional properties" },
    };

    [Fact]
    public async Task Default_values_validate_against_the_schema()
    {
        var (exitCode, output) = await ValidateAsync(Defaults);

        exitCode.Should().Be(0, output);
        output.Should().StartWith("ok ");
    }

    [Theory]
    [InlineData("postgres")]
    [InlineData("sqlite")]
    public async Task Each_store_choice_with_its_settings_validates(string store)
    {
        var values = Defaults;
        values["ledger"]!["store"] = store;
        values["ledger"]!["postgres"]!["existingSecret"] = "segrestore-ledger-pg";
        values["watchNamespaces"] = new JsonArray("tidb");
        values["replicaCount"] = 1;

        var (exitCode, output) = await ValidateAsync(values);

        exitCode.Should().Be(0, output);
    }

    [Theory]
    [MemberData(nameof(Mistakes))]
    public async Task A_mistake_in_values_fails_with_the_field_named(string path, string json, string expected)
    {
        var values = Defaults;
        Set(values, path, JsonNode.Parse(json));

        var (exitCode, output) = await ValidateAsync(values);

        exitCode.Should().Be(1, output);
        output.Should().Contain(expected);
    }

    private static void Set(JsonNode values, string path, JsonNode? value)
    {
        var keys = path.Split('.');
        var parent = keys[..^1].Aggregate(values, (node, key) => node[key]!);
        parent[keys[^1]] = value;
    }

    private static async Task<(int ExitCode, string Output)> ValidateAsync(JsonNode values)
    {
        using var scratch = new ScratchDirectory();
        var file = scratch.Combine("values.json");
        await File.WriteAllTextAsync(file, values.ToJsonString());
        return await NodeScript.RunAsync("validate-json-schema.js", [SchemaPath, file]);
    }
}
