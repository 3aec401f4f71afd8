using SegRestore.LocalCluster.Api;
using SegRestore.LocalCluster.Resources;

namespace SegRestore.LocalCluster.Selectors;

/// <summary>A parsed <c>fieldSelector</c>: <c>field=value</c>, <c>field==value</c>, <c>field!=value</c> joined by
/// commas, over the fields a resource supports.</summary>
public sealed class FieldSelector
{
    private static readonly string[] CommonFields = ["metadata.name", "metadata.namespace"];

    private static readonly Dictionary<string, string[]> ExtraFields = new(StringComparer.Ordinal)
    {
        ["pods"] = ["status.phase", "spec.nodeName", "spec.restartPolicy"],
        ["secrets"] = ["type"],
        ["events"] =
        [
            "reason", "type", "source", "reportingComponent", "involvedObject.name", "involvedObject.kind", "involvedObject.uid",
            "involvedObject.namespace", "involvedObject.apiVersion", "involvedObject.resourceVersion",
            "involvedObject.fieldPath",
        ],
        ["namespaces"] = ["status.phase"],
    };

    /// <summary>events.k8s.io/v1 shares core Events' storage and their selectable fields, but takes its own spellings
    /// (pkg/apis/events/v1/conversion.go): these map to the core labels; the core spellings are refused there.</summary>
    private static readonly Dictionary<string, string> EventsV1Labels = new(StringComparer.Ordinal)
    {
        ["metadata.name"] = "metadata.name",
        ["metadata.namespace"] = "metadata.namespace",
        ["reason"] = "reason",
        ["type"] = "type",
        ["regarding.kind"] = "involvedObject.kind",
        ["regarding.namespace"] = "involvedObject.namespace",
        ["regarding.name"] = "involvedObject.name",
        ["regarding.uid"] = "involvedObject.uid",
        ["regarding.apiVersion"] = "involvedObject.apiVersion",
        ["regarding.resourceVersion"] = "involvedObject.resourceVersion",
        ["regarding.fieldPath"] = "involvedObject.fieldPath",
        ["reportingController"] = "reportingComponent",
    };

    private readonly IReadOnlyList<(string Field, bool Equal, string Value)> _terms;

    private FieldSelector(IReadOnlyList<(string Field, bool Equal, string Value)> terms) => _terms = terms;

    public static FieldSelector Everything { get; } = new([]);

    /// <summary>Parses a selector for a resource; an unsupported field is a 400 as on a real server.</summary>
    public static FieldSelector Parse(string? text, string plural) => Parse(text, "", plural);

    /// <summary>As <see cref="Parse(string?, string)"/>, with the group's own field label spellings.</summary>
    public static FieldSelector Parse(string? text, string group, string plural)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Everything;
        }

        var terms = new List<(string, bool, string)>();
        foreach (var raw in text.Split(','))
        {
            var part = raw.Trim();
            var (field, equal, value) = Split(part);
            bool supported;
            if (group == BuiltInResources.EventsGroup && plural == "events")
            {
                supported = EventsV1Labels.TryGetValue(field, out var canonical);
                field = canonical ?? field;
            }
            else
            {
                supported = CommonFields.Contains(field) || (ExtraFields.TryGetValue(plural, out var extra) && extra.Contains(field));
            }

            if (!supported)
            {
                throw StatusErrors.BadRequest($"field label not supported: {field}");
            }

            terms.Add((field, equal, value));
        }

        return new FieldSelector(terms);
    }

    public bool Matches(IReadOnlyDictionary<string, string> fields) =>
        _terms.All(t => (fields.GetValueOrDefault(t.Field) ?? "") == t.Value == t.Equal);

    private static (string Field, bool Equal, string Value) Split(string part)
    {
        var notEqual = part.IndexOf("!=", StringComparison.Ordinal);
        if (notEqual > 0)
        {
            return (part[..notEqual].Trim(), false, part[(notEqual + 2)..].Trim());
        }

        var doubleEqual = part.IndexOf("==", StringComparison.Ordinal);
        if (doubleEqual > 0)
        {
            return (part[..doubleEqual].Trim(), true, part[(doubleEqual + 2)..].Trim());
        }

        var equal = part.IndexOf('=', StringComparison.Ordinal);
        if (equal > 0)
        {
            return (part[..equal].Trim(), true, part[(equal + 1)..].Trim());
        }

        throw StatusErrors.BadRequest($"invalid selector: '{part}'; can't understand '{part}'");
    }
}
