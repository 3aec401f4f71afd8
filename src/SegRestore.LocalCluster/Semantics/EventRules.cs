using System.Text.Json.Nodes;
using SegRestore.LocalCluster.Api;

namespace SegRestore.LocalCluster.Semantics;

/// <summary>The API server's validation of an <c>events.k8s.io/v1</c> Event. The real server validates the
/// internal (core) type, so field paths use the internal names (<c>involvedObject</c> for <c>regarding</c>,
/// <c>message</c> for <c>note</c>, <c>count</c> for <c>deprecatedCount</c>, ...), exactly as it reports them.</summary>
public static class EventRules
{
    public const int ReportingInstanceLengthLimit = 128;
    public const int ActionLengthLimit = 128;
    public const int ReasonLengthLimit = 128;
    public const int NoteLengthLimit = 1024;

    /// <summary>The v1 fields whose change an update refuses, with the internal path reported.</summary>
    private static readonly (string Field, string Path)[] Immutable =
    [
        ("regarding", "involvedObject"), ("reason", "reason"), ("note", "message"), ("deprecatedSource", "source"),
        ("deprecatedFirstTimestamp", "firstTimestamp"), ("deprecatedLastTimestamp", "lastTimestamp"),
        ("deprecatedCount", "count"), ("type", "type"), ("eventTime", "eventTime"), ("action", "action"),
        ("related", "related"), ("reportingController", "reportingController"), ("reportingInstance", "reportingInstance"),
    ];

    /// <summary>Validates <paramref name="current"/>; <paramref name="previous"/> is null on create.</summary>
    public static IReadOnlyList<FieldError> Validate(JsonObject current, JsonObject? previous)
    {
        var errors = Legacy(current);
        if (previous is null)
        {
            errors.AddRange(Strict(current));
            return errors;
        }

        if (!JsonNode.DeepEquals(current["series"], previous["series"]))
        {
            errors.AddRange(Series(current));
        }

        foreach (var (field, path) in Immutable)
        {
            if (!JsonNode.DeepEquals(current[field], previous[field]))
            {
                errors.Add(Invalid(path, current[field]?.ToJsonString() ?? "null", "field is immutable"));
            }
        }

        return errors;
    }

    /// <summary>What every Event must satisfy, whichever API version wrote it.</summary>
    private static List<FieldError> Legacy(JsonObject ev)
    {
        var errors = new List<FieldError>();
        var ns = ServerFields.Str(ev["metadata"]?["namespace"]) ?? "";
        var regardingNamespace = ServerFields.Str(ev["regarding"]?["namespace"]) ?? "";
        if (string.IsNullOrEmpty(ServerFields.Str(ev["eventTime"])))
        {
            var mismatch = regardingNamespace.Length == 0 ? ns is not ("" or "default") : ns != regardingNamespace;
            if (mismatch)
            {
                errors.Add(Invalid("involvedObject.namespace", Quote(regardingNamespace), "does not match event.namespace"));
            }

            return errors;
        }

        if (regardingNamespace.Length == 0 && ns is not ("default" or "kube-system"))
        {
            errors.Add(Invalid("involvedObject.namespace", Quote(regardingNamespace), "does not match event.namespace"));
        }

        RequireBounded(errors, ev, "reportingController", "reportingController", null);
        var controller = ServerFields.Str(ev["reportingController"]) ?? "";
        errors.AddRange(NameRules.QualifiedNameProblems(controller).Select(p => Invalid("reportingController", Quote(controller), p)));
        RequireBounded(errors, ev, "reportingInstance", "reportingInstance", ReportingInstanceLengthLimit);
        RequireBounded(errors, ev, "action", "action", ActionLengthLimit);
        RequireBounded(errors, ev, "reason", "reason", ReasonLengthLimit);
        if ((ServerFields.Str(ev["note"])?.Length ?? 0) > NoteLengthLimit)
        {
            errors.Add(Invalid("message", "\"\"", $"can have at most {NoteLengthLimit} characters"));
        }

        return errors;
    }

    /// <summary>The stricter rules a create through events.k8s.io/v1 meets.</summary>
    private static List<FieldError> Strict(JsonObject ev)
    {
        var errors = Series(ev);
        if (string.IsNullOrEmpty(ServerFields.Str(ev["eventTime"])))
        {
            errors.Add(Required("eventTime"));
        }

        var type = ServerFields.Str(ev["type"]) ?? "";
        if (type is not ("Normal" or "Warning"))
        {
            errors.Add(Invalid("type", "\"\"", $"has invalid value: {type}"));
        }

        foreach (var (field, path) in new[] { ("deprecatedFirstTimestamp", "firstTimestamp"), ("deprecatedLastTimestamp", "lastTimestamp") })
        {
            if (!string.IsNullOrEmpty(ServerFields.Str(ev[field])))
            {
                errors.Add(Invalid(path, "\"\"", "needs to be unset"));
            }
        }

        if (ev["deprecatedCount"] is JsonValue count && count.TryGetValue<long>(out var n) && n != 0)
        {
            errors.Add(Invalid("count", "\"\"", "needs to be unset"));
        }

        if (!string.IsNullOrEmpty(ServerFields.Str(ev["deprecatedSource"]?["component"]))
            || !string.IsNullOrEmpty(ServerFields.Str(ev["deprecatedSource"]?["host"])))
        {
            errors.Add(Invalid("source", "\"\"", "needs to be unset"));
        }

        return errors;
    }

    private static List<FieldError> Series(JsonObject ev)
    {
        var errors = new List<FieldError>();
        if (ev["series"] is not JsonObject series)
        {
            return errors;
        }

        if (!(series["count"] is JsonValue count && count.TryGetValue<long>(out var n) && n >= 2))
        {
            errors.Add(Invalid("series.count", "\"\"", "should be at least 2"));
        }

        if (string.IsNullOrEmpty(ServerFields.Str(series["lastObservedTime"])))
        {
            errors.Add(Required("series.lastObservedTime"));
        }

        return errors;
    }

    private static void RequireBounded(List<FieldError> errors, JsonObject ev, string field, string path, int? limit)
    {
        var value = ServerFields.Str(ev[field]) ?? "";
        if (value.Length == 0)
        {
            errors.Add(Required(path));
        }

        if (limit is { } max && value.Length > max)
        {
            errors.Add(Invalid(path, "\"\"", $"can have at most {max} characters"));
        }
    }

    private static string Quote(string value) => $"\"{value}\"";

    private static FieldError Required(string path) => new("FieldValueRequired", path, "Required value");

    private static FieldError Invalid(string path, string value, string detail) =>
        new("FieldValueInvalid", path, $"Invalid value: {value}: {detail}");
}
