using System.Text.Json.Nodes;

namespace SegRestore.LocalCluster.Crd;

/// <summary>Finds every <c>x-kubernetes-validations</c> rule in a schema and sorts them into the recognised shapes
/// (the root spec-immutability rule, <see cref="MatchesRule"/> anywhere) and the rest, which LocalCluster cannot
/// evaluate and must report.</summary>
public static class ValidationRuleScanner
{
    public static (ImmutableSpecRule? Immutable, IReadOnlyList<string> Unsupported) Scan(JsonObject? schema)
    {
        var unsupported = new List<string>();
        ImmutableSpecRule? immutable = null;
        if (schema is not null)
        {
            Walk(schema, "", unsupported, ref immutable);
        }

        return (immutable, unsupported);
    }

    private static void Walk(JsonObject schema, string path, List<string> unsupported, ref ImmutableSpecRule? immutable)
    {
        foreach (var rule in (schema["x-kubernetes-validations"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var text = rule["rule"]?.ToString() ?? "";
            var parsed = path.Length == 0
                ? ImmutableSpecRule.TryParse(text, rule["message"]?.ToString(), rule["reason"]?.ToString())
                : null;
            if (parsed is not null && immutable is null)
            {
                immutable = parsed;
            }
            else if (MatchesRule.TryParse(text, null, null) is not null)
            {
                // Evaluated where it stands by SchemaValidator.
            }
            else
            {
                unsupported.Add($"{(path.Length == 0 ? "<root>" : path)}: {text}");
            }
        }

        if (schema["properties"] is JsonObject properties)
        {
            foreach (var (name, child) in properties)
            {
                if (child is JsonObject childSchema)
                {
                    Walk(childSchema, path.Length == 0 ? name : $"{path}.{name}", unsupported, ref immutable);
                }
            }
        }

        if (schema["items"] is JsonObject items)
        {
            Walk(items, path + "[*]", unsupported, ref immutable);
        }

        if (schema["additionalProperties"] is JsonObject values)
        {
            Walk(values, path + "[*]", unsupported, ref immutable);
        }
    }
}
