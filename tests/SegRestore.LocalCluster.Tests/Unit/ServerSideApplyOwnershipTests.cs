using System.Text.Json.Nodes;
using SegRestore.LocalCluster.Patching.ServerSideApply;

namespace SegRestore.LocalCluster.Tests.Unit;

/// <summary>The ownership rules: updates take what they change, applies conflict on other managers' fields unless
/// forced, share fields set to the same value, and remove what they stop applying unless someone else owns it.</summary>
public sealed class ServerSideApplyOwnershipTests
{
    private static readonly ManagedFieldsEntry Applier = new("kubectl", ManagedFieldsEntry.Apply, "v1", "t", null, FieldSet.Empty);
    private static readonly ManagedFieldsEntry Editor = new("editor", ManagedFieldsEntry.Update, "v1", "t", null, FieldSet.Empty);
    private static readonly ManagedFieldsEntry Other = new("other", ManagedFieldsEntry.Apply, "v1", "t", null, FieldSet.Empty);

    public static TheoryData<string, string, string, string, string, bool, string, string> Applies => new()
    {
        // name, live, managers (manager=fieldsV1;...), config, expected object, force, expected conflicts, expected managers
        { "creates ownership", """{"data":{"a":"1"}}""", "", """{"data":{"b":"2"}}""", """{"data":{"a":"1","b":"2"}}""", false, "", """kubectl={"f:data":{"f:b":{}}}""" },
        { "conflicts on an updater's field", """{"data":{"a":"1"}}""", """editor={"f:data":{".":{},"f:a":{}}}""", """{"data":{"a":"2"}}""", "", false, "editor:.data.a", "" },
        { "shares a field set to the same value", """{"data":{"a":"1"}}""", """editor={"f:data":{".":{},"f:a":{}}}""", """{"data":{"a":"1"}}""", """{"data":{"a":"1"}}""", false, "", """editor={"f:data":{".":{},"f:a":{}}};kubectl={"f:data":{"f:a":{}}}""" },
        { "force takes the field over", """{"data":{"a":"1"}}""", """editor={"f:data":{".":{},"f:a":{}}}""", """{"data":{"a":"2"}}""", """{"data":{"a":"2"}}""", true, "", """editor={"f:data":{".":{}}};kubectl={"f:data":{"f:a":{}}}""" },
        { "conflicts with another applier", """{"data":{"a":"1"}}""", """other={"f:data":{"f:a":{}}}""", """{"data":{"a":"2"}}""", "", false, "other:.data.a", "" },
        { "removes a field it no longer applies", """{"data":{"a":"1","b":"2"}}""", """kubectl={"f:data":{"f:a":{},"f:b":{}}}""", """{"data":{"a":"1"}}""", """{"data":{"a":"1"}}""", false, "", """kubectl={"f:data":{"f:a":{}}}""" },
        { "keeps a dropped field another manager owns", """{"data":{"a":"1","b":"2"}}""", """kubectl={"f:data":{"f:a":{},"f:b":{}}};editor={"f:data":{"f:b":{}}}""", """{"data":{"a":"1"}}""", """{"data":{"a":"1","b":"2"}}""", false, "", """editor={"f:data":{"f:b":{}}};kubectl={"f:data":{"f:a":{}}}""" },
        { "removes a dropped list item", """{"spec":{"containers":[{"name":"a","image":"1"},{"name":"b","image":"1"}]}}""", """kubectl={"f:spec":{"f:containers":{"k:{\"name\":\"a\"}":{".":{},"f:name":{},"f:image":{}},"k:{\"name\":\"b\"}":{".":{},"f:name":{},"f:image":{}}}}}""", """{"spec":{"containers":[{"name":"a","image":"1"}]}}""", """{"spec":{"containers":[{"name":"a","image":"1"}]}}""", false, "", """kubectl={"f:spec":{"f:containers":{"k:{\"name\":\"a\"}":{".":{},"f:image":{},"f:name":{}}}}}""" },
        { "keeps a dropped item whose field another manager owns", """{"spec":{"containers":[{"name":"b","image":"1","args":["x"]}]}}""", """kubectl={"f:spec":{"f:containers":{"k:{\"name\":\"b\"}":{".":{},"f:name":{},"f:image":{}}}}};editor={"f:spec":{"f:containers":{"k:{\"name\":\"b\"}":{"f:args":{}}}}}""", """{"spec":{}}""", """{"spec":{"containers":[{"name":"b","args":["x"]}]}}""", false, "", """editor={"f:spec":{"f:containers":{"k:{\"name\":\"b\"}":{"f:args":{}}}}};kubectl={"f:spec":{}}""" },
        { "merges into another manager's list item without conflict", """{"spec":{"containers":[{"name":"a","image":"1"}]}}""", """editor={"f:spec":{"f:containers":{"k:{\"name\":\"a\"}":{".":{},"f:name":{},"f:image":{}}}}}""", """{"spec":{"containers":[{"name":"a","args":["x"]}]}}""", """{"spec":{"containers":[{"name":"a","image":"1","args":["x"]}]}}""", false, "", """editor={"f:spec":{"f:containers":{"k:{\"name\":\"a\"}":{".":{},"f:image":{},"f:name":{}}}}};kubectl={"f:spec":{"f:containers":{"k:{\"name\":\"a\"}":{".":{},"f:args":{},"f:name":{}}}}}""" },
    };

    [Theory]
    [MemberData(nameof(Applies))]
    public void Apply_decides_conflicts_ownership_and_removals(string name, string live, string managers, string config,
        string expected, bool force, string conflicts, string expectedManagers)
    {
        var result = FieldManager.Apply(Obj(live), Obj(config), Managers(managers), Applier, force, ManagedScope.Whole, BuiltInFieldTypes.Instance);

        string.Join(",", result.Conflicts.Select(c => $"{c.Owner.Manager}:{c.Path}")).Should().Be(conflicts, name);
        if (conflicts.Length == 0)
        {
            Same(result.Merged!, expected, name);
            Describe(result.Managers).Should().Be(Describe(Managers(expectedManagers)), name);
        }
    }

    [Theory]
    [InlineData("""{"data":{"a":"1"}}""", """{"data":{"a":"2"}}""", """other={"f:data":{"f:a":{}}}""", """editor={"f:data":{"f:a":{}}}""")]
    [InlineData("""{"data":{"a":"1"}}""", """{"data":{"a":"1","b":"2"}}""", """other={"f:data":{"f:a":{}}}""", """editor={"f:data":{"f:b":{}}};other={"f:data":{"f:a":{}}}""")]
    [InlineData("""{"data":{"a":"1"}}""", """{}""", """other={"f:data":{"f:a":{}}}""", "")]
    [InlineData(null, """{"data":{"a":"1"}}""", "", """editor={"f:data":{".":{},"f:a":{}}}""")]
    public void An_update_takes_what_it_changes_and_never_conflicts(string? live, string updated, string managers, string expected)
    {
        var result = FieldManager.Update(live is null ? null : Obj(live), Obj(updated), Managers(managers), Editor, ManagedScope.Whole, BuiltInFieldTypes.Instance);

        Describe(result).Should().Be(Describe(Managers(expected)));
    }

    [Fact]
    public void A_main_apply_of_a_resource_with_status_neither_owns_nor_changes_the_status()
    {
        var result = FieldManager.Apply(Obj("""{"spec":{"a":1},"status":{"s":"x"}}"""), Obj("""{"spec":{"a":2},"status":{"s":"y"}}"""), [],
            Applier, false, ManagedScope.WithoutStatus, BuiltInFieldTypes.Instance);

        Describe(result.Managers).Should().Be("""kubectl={"f:spec":{"f:a":{}}}""");
        Same(result.Merged!, """{"spec":{"a":2},"status":{"s":"x"}}""", "status untouched");
    }

    [Theory]
    [InlineData("editor:.data.a", """Apply failed with 1 conflict: conflict with "editor" using v1: .data.a""")]
    [InlineData("editor:.data.a,editor:.data.b,other:.spec.x", "Apply failed with 3 conflicts: conflicts with \"editor\" using v1:\n- .data.a\n- .data.b\nconflicts with \"other\":\n- .spec.x")]
    public void Conflict_messages_are_the_api_servers(string conflicts, string message)
    {
        var list = conflicts.Split(',').Select(c =>
        {
            var (manager, path) = (c.Split(':')[0], c.Split(':')[1]);
            var owner = manager == "editor" ? Editor : Other;
            var elements = path.Split('.', StringSplitOptions.RemoveEmptyEntries).Select(e => "f:" + e);
            return new ApplyConflict(owner, new FieldPath(elements));
        }).ToList();

        ApplyConflict.Message(list).Should().Be(message);
    }

    [Fact]
    public void A_status_updater_is_described_with_its_subresource() =>
        (Editor with { Subresource = "status" }).Describe().Should().Be("\"editor\" with subresource \"status\" using v1");

    private static List<ManagedFieldsEntry> Managers(string spec) =>
    [
        .. spec.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(part =>
        {
            var at = part.IndexOf('=', StringComparison.Ordinal);
            var template = part[..at] switch { "kubectl" => Applier, "editor" => Editor, _ => Other };
            return template with { Fields = FieldSet.FromFieldsV1(Obj(part[(at + 1)..])) };
        }),
    ];

    private static string Describe(IEnumerable<ManagedFieldsEntry> managers) =>
        string.Join(";", managers.OrderBy(m => m.Manager, StringComparer.Ordinal).Select(m => $"{m.Manager}={Canonical(m.Fields.ToFieldsV1())}"));

    private static string Canonical(JsonObject fields) =>
        new JsonObject(fields.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => KeyValuePair.Create(p.Key, p.Value is JsonObject o ? JsonNode.Parse(Canonical(o)) : p.Value?.DeepClone()))).ToJsonString();

    private static JsonObject Obj(string json) => (JsonObject)JsonNode.Parse(json)!;

    private static void Same(JsonNode actual, string expected, string because) =>
        JsonNode.DeepEquals(actual, JsonNode.Parse(expected)).Should().BeTrue($"{because}: {actual.ToJsonString()} should be {expected}");
}
