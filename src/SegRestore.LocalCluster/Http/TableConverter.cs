using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using SegRestore.LocalCluster.Resources;
using SegRestore.LocalCluster.Semantics;

namespace SegRestore.LocalCluster.Http;

/// <summary>Server-side printing (item 13): a <c>meta.k8s.io/v1 Table</c> with a Name column, then the CRD's
/// printer columns or a built-in kind's default columns.</summary>
public sealed class TableConverter(TimeProvider time)
{
    public JsonObject Convert(ResourceDefinition resource, IEnumerable<JsonObject> objects, string tableApiVersion,
        string? includeObject, JsonObject listMetadata, bool withColumns = true)
    {
        var rows = new JsonArray();
        foreach (var obj in objects)
        {
            rows.Add(Row(resource, obj, includeObject));
        }

        var table = new JsonObject
        {
            ["kind"] = "Table",
            ["apiVersion"] = tableApiVersion,
            ["metadata"] = listMetadata,
        };
        if (withColumns)
        {
            table["columnDefinitions"] = Columns(resource);
        }

        table["rows"] = rows;
        return table;
    }

    private static JsonArray Columns(ResourceDefinition resource)
    {
        var columns = new JsonArray
        {
            Column("Name", "string", "name",
                "Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names",
                0),
        };
        foreach (var column in resource.PrinterColumns)
        {
            columns.Add(Column(column.Name, column.Type == "date" ? "string" : column.Type,
                column.Type == "date" ? "date" : "", column.Description, column.Priority));
        }

        return columns;
    }

    private static JsonObject Column(string name, string type, string format, string description, int priority) => new()
    {
        ["name"] = name,
        ["type"] = type,
        ["format"] = format,
        ["description"] = description,
        ["priority"] = priority,
    };

    private JsonObject Row(ResourceDefinition resource, JsonObject obj, string? includeObject)
    {
        var cells = new JsonArray { ServerFields.Str(obj["metadata"]?["name"]) };
        foreach (var column in resource.PrinterColumns)
        {
            cells.Add(Cell(column, obj));
        }

        var row = new JsonObject { ["cells"] = cells };
        switch (includeObject)
        {
            case "None":
                break;
            case "Object":
                row["object"] = obj.DeepClone();
                break;
            default:
                row["object"] = new JsonObject
                {
                    ["kind"] = "PartialObjectMetadata",
                    ["apiVersion"] = "meta.k8s.io/v1",
                    ["metadata"] = obj["metadata"]?.DeepClone(),
                };
                break;
        }

        return row;
    }

    private JsonNode? Cell(PrinterColumn column, JsonObject obj)
    {
        if (column.JsonPath.StartsWith('#'))
        {
            return ComputedCells.Evaluate(column.JsonPath, obj);
        }

        var value = SimpleJsonPath.Evaluate(obj, column.JsonPath);
        if (value is null)
        {
            return null;
        }

        switch (column.Type)
        {
            case "date":
                return DateTimeOffset.TryParse(value.ToString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
                    ? HumanDuration.Format(time.GetUtcNow() - at)
                    : "<invalid>";
            case "integer" or "number" when value is JsonValue v && v.GetValueKind() == JsonValueKind.Number:
                return value.DeepClone();
            case "boolean" when value is JsonValue b && b.GetValueKind() is JsonValueKind.True or JsonValueKind.False:
                return value.DeepClone();
            default:
                return value is JsonValue s && s.TryGetValue<string>(out var text) ? text : value.ToJsonString();
        }
    }
}
