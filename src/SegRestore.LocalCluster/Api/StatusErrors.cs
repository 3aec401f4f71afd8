using System.Text.Json.Nodes;
using SegRestore.LocalCluster.Resources;

namespace SegRestore.LocalCluster.Api;

/// <summary>Builds the <c>Status</c> failures of a real API server, with its reasons, codes and message texts.</summary>
public static class StatusErrors
{
    public const string ConflictMessage =
        "the object has been modified; please apply your changes to the latest version and try again";

    public static JsonObject Build(int code, string reason, string message, JsonObject? details)
    {
        var status = new JsonObject
        {
            ["kind"] = "Status",
            ["apiVersion"] = "v1",
            ["metadata"] = new JsonObject(),
            ["status"] = "Failure",
            ["message"] = message,
            ["reason"] = reason,
        };
        if (WithoutNulls(details) is { } kept)
        {
            status["details"] = kept;
        }

        status["code"] = code;
        return status;
    }

    public static ApiException NotFound(ResourceDefinition resource, string name) =>
        Error(404, "NotFound", $"{resource.QualifiedPlural} \"{name}\" not found", Details(resource, name));

    public static ApiException NamespaceNotFound(string ns) =>
        Error(404, "NotFound", $"namespaces \"{ns}\" not found",
            new JsonObject { ["name"] = ns, ["kind"] = "namespaces" });

    public static ApiException NotFoundPath(string path) =>
        Error(404, "NotFound", $"the server could not find the requested resource ({path})", null);

    public static ApiException AlreadyExists(ResourceDefinition resource, string name) =>
        Error(409, "AlreadyExists", $"{resource.QualifiedPlural} \"{name}\" already exists", Details(resource, name));

    public static ApiException Conflict(ResourceDefinition resource, string name, string why) =>
        Error(409, "Conflict", $"Operation cannot be fulfilled on {resource.QualifiedPlural} \"{name}\": {why}",
            Details(resource, name));

    /// <summary>The 409 of a server-side apply that would change fields other managers own: no name or kind in
    /// the details, one <c>FieldManagerConflict</c> cause per field.</summary>
    public static ApiException ApplyConflict(string message, IEnumerable<(string Field, string Message)> conflicts)
    {
        var causes = new JsonArray();
        foreach (var (field, text) in conflicts)
        {
            causes.Add(new JsonObject { ["reason"] = "FieldManagerConflict", ["message"] = text, ["field"] = field });
        }

        return Error(409, "Conflict", message, new JsonObject { ["causes"] = causes });
    }

    /// <summary>A 422 on the request's options (<c>PatchOptions</c>), e.g. a missing fieldManager on an apply.</summary>
    public static ApiException InvalidOptions(string optionsKind, FieldError error) =>
        Invalid("meta.k8s.io", optionsKind, "", [error]);

    public static ApiException BadRequest(string message) => Error(400, "BadRequest", message, null);

    public static ApiException MethodNotAllowed(string message) => Error(405, "MethodNotAllowed", message, null);

    public static ApiException UnsupportedMediaType(string contentType, IEnumerable<string> accepted) =>
        Error(415, "UnsupportedMediaType",
            $"the body of the request was in an unknown format ({contentType}) - accepted media types include: "
            + string.Join(", ", accepted), null);

    public static ApiException Expired(string message) => Error(410, "Expired", message, null);

    public static ApiException Unauthorized() => Error(401, "Unauthorized", "Unauthorized", null);

    public static ApiException Forbidden(ResourceDefinition resource, string name, string why) =>
        Error(403, "Forbidden", $"{resource.QualifiedPlural} \"{name}\" is forbidden: {why}",
            Details(resource, name));

    public static ApiException Injected(int code, string verb, string resource) =>
        Error(code, ReasonForCode(code), $"injected failure for {verb} {resource}", null);

    public static ApiException Invalid(ResourceDefinition resource, string name, IReadOnlyList<FieldError> errors) =>
        Invalid(resource.Group, resource.Kind, name, errors);

    /// <summary>The 400 of a body the server cannot decode into the resource's type: a field of the wrong JSON type,
    /// or unknown and duplicate fields under <c>fieldValidation=Strict</c>.</summary>
    public static ApiException CannotDecode(ResourceDefinition resource, string why) =>
        BadRequest($"{resource.Kind} in version \"{resource.Version}\" cannot be handled as a {resource.Kind}: {why}");

    public static ApiException Invalid(string group, string kind, string name, IReadOnlyList<FieldError> errors)
    {
        var causes = new JsonArray();
        foreach (var error in errors)
        {
            causes.Add(new JsonObject
            {
                ["reason"] = error.Reason,
                ["message"] = error.Detail,
                ["field"] = error.Field,
            });
        }

        var qualifiedKind = group.Length == 0 ? kind : $"{kind}.{group}";
        var list = errors.Count == 1
            ? errors[0].ToString()
            : "[" + string.Join(", ", errors.Select(e => e.ToString())) + "]";
        var details = new JsonObject
        {
            ["name"] = name,
            ["group"] = group.Length == 0 ? null : group,
            ["kind"] = kind,
            ["causes"] = causes,
        };
        return Error(422, "Invalid", $"{qualifiedKind} \"{name}\" is invalid: {list}", details);
    }

    /// <summary>The reason a real server uses for a status code, for injected failures.</summary>
    public static string ReasonForCode(int code) => code switch
    {
        400 => "BadRequest",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "NotFound",
        405 => "MethodNotAllowed",
        409 => "Conflict",
        410 => "Expired",
        415 => "UnsupportedMediaType",
        422 => "Invalid",
        429 => "TooManyRequests",
        503 => "ServiceUnavailable",
        504 => "Timeout",
        _ => "InternalError",
    };

    private static JsonObject? WithoutNulls(JsonObject? details)
    {
        if (details is null)
        {
            return null;
        }

        foreach (var key in details.Where(p => p.Value is null).Select(p => p.Key).ToList())
        {
            details.Remove(key);
        }

        return details;
    }

    private static ApiException Error(int code, string reason, string message, JsonObject? details) =>
        new(code, Build(code, reason, message, details));

    private static JsonObject Details(ResourceDefinition resource, string name) => new()
    {
        ["name"] = name,
        ["group"] = resource.Group.Length == 0 ? null : resource.Group,
        ["kind"] = resource.Plural,
    };
}
