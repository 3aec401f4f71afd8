using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using SegRestore.LocalCluster.Api;
using SegRestore.LocalCluster.Patching.ServerSideApply;
using SegRestore.LocalCluster.Protobuf;
using SegRestore.LocalCluster.Resources;
using SegRestore.LocalCluster.Selectors;
using SegRestore.LocalCluster.Semantics;
using SegRestore.LocalCluster.Storage;

namespace SegRestore.LocalCluster.Http;

/// <summary>Maps REST verbs on resource paths to the object semantics: list (with selectors and pagination),
/// watch, get, create, update, patch, delete and deletecollection, in JSON or as a Table.</summary>
public sealed class ResourceEndpoint(ObjectService service, TableConverter tables, WatchStreamer watches, TimeSpan defaultWatchTimeout)
{
    public static string Verb(HttpRequest request, ApiPath path, bool watch) => (request.Method, path.Name) switch
    {
        ("GET", _) when watch => "watch",
        ("GET", null) => "list",
        ("GET", _) => "get",
        ("POST", _) => "create",
        ("PUT", _) => "update",
        ("PATCH", _) => "patch",
        ("DELETE", null) => "deletecollection",
        ("DELETE", _) => "delete",
        _ => request.Method.ToLowerInvariant(),
    };

    public async Task HandleAsync(HttpContext context, ApiPath path, ResourceDefinition resource, ListQuery query)
    {
        var request = context.Request;
        var statusWrite = path.Subresource == "status";
        if (path.Subresource is not null and not "status")
        {
            throw StatusErrors.NotFoundPath(context.Request.Path);
        }

        switch (request.Method, path.Name)
        {
            case ("GET", null) when query.Watch:
                await watches.StreamAsync(context, WatchRequestFor(request, path, resource, query)).ConfigureAwait(false);
                break;
            case ("GET", { } watched) when query.Watch:
                // The legacy single-object watch is a watch with a name field selector.
                var single = query with { FieldSelector = $"metadata.name={watched}" };
                await watches.StreamAsync(context, WatchRequestFor(request, path, resource, single)).ConfigureAwait(false);
                break;
            case ("GET", null):
                await HttpIo.WriteJsonAsync(context, 200, List(request, path, resource, query)).ConfigureAwait(false);
                break;
            case ("GET", { } name):
                if (statusWrite && !resource.HasStatus)
                {
                    throw StatusErrors.NotFoundPath(request.Path);
                }

                var obj = service.Get(resource, path.Namespace, name);
                await WriteObjectAsync(context, 200, resource, obj, query).ConfigureAwait(false);
                break;
            case ("POST", null):
                var (body, createValidation) = await ReadObjectAsync(context, "CreateOptions").ConfigureAwait(false);
                var created = service.Create(resource, path.Namespace, body, createValidation, FieldOwners.Of(request));
                await WriteWithWarningsAsync(context, 201, created, createValidation).ConfigureAwait(false);
                break;
            case ("PUT", { } name):
                var (replacement, updateValidation) = await ReadObjectAsync(context, "UpdateOptions").ConfigureAwait(false);
                var updated = service.Update(resource, path.Namespace, name, replacement, statusWrite, updateValidation, FieldOwners.Of(request));
                await WriteWithWarningsAsync(context, 200, updated, updateValidation).ConfigureAwait(false);
                break;
            case ("PATCH", { } name):
                await PatchAsync(context, path, resource, name, statusWrite).ConfigureAwait(false);
                break;
            case ("DELETE", { } name):
                var options = DeleteOptionsOf(request.Query, await HttpIo.ReadOptionalObjectAsync(context).ConfigureAwait(false));
                await HttpIo.WriteJsonAsync(context, 200, service.Delete(resource, path.Namespace, name, options)).ConfigureAwait(false);
                break;
            case ("DELETE", null):
                var collectionOptions = DeleteOptionsOf(request.Query, await HttpIo.ReadOptionalObjectAsync(context).ConfigureAwait(false));
                await HttpIo.WriteJsonAsync(context, 200, DeleteCollection(request, path, resource, query, collectionOptions)).ConfigureAwait(false);
                break;
            default:
                throw StatusErrors.MethodNotAllowed($"the server does not allow this method on the requested resource ({request.Method} {request.Path})");
        }
    }

    /// <summary>PATCH: the patch types of <see cref="PatchTypeOf"/>; an apply is answered 201 when it created the
    /// object. Options are checked first, as the API server validates PatchOptions before anything else.</summary>
    private async Task PatchAsync(HttpContext context, ApiPath path, ResourceDefinition resource, string name, bool statusWrite)
    {
        var request = context.Request;
        var (type, contentType) = PatchTypeOf(request);
        var owner = FieldOwners.OfPatch(request, apply: type == PatchType.Apply);
        var directive = FieldValidation.ParseDirective(request.Query["fieldValidation"].FirstOrDefault(), "PatchOptions");
        var patchText = await HttpIo.ReadTextAsync(context).ConfigureAwait(false);
        if (type == PatchType.Apply)
        {
            var config = ApplyConfiguration.Parse(patchText);
            var looksLikeJson = patchText.TrimStart().StartsWith('{');
            var applyValidation = new FieldValidation(directive, looksLikeJson ? DuplicateFields.Find(patchText) : []);
            var (applied, created) = service.Apply(resource, path.Namespace, name, config, statusWrite, applyValidation, owner);
            await WriteWithWarningsAsync(context, created ? 201 : 200, applied, applyValidation).ConfigureAwait(false);
            return;
        }

        var patch = HttpIo.ParseJson(patchText);
        // A JSON patch is a list of operations, not the object: its keys are not the object's fields.
        var patchValidation = new FieldValidation(directive, type == PatchType.Json ? [] : DuplicateFields.Find(patchText));
        var patched = service.Patch(resource, path.Namespace, name, type, contentType, patch, statusWrite, patchValidation, owner);
        await WriteWithWarningsAsync(context, 200, patched, patchValidation).ConfigureAwait(false);
    }

    private async Task WriteObjectAsync(HttpContext context, int code, ResourceDefinition resource, JsonObject obj, ListQuery query)
    {
        if (HttpIo.AcceptedTableVersion(context.Request) is { } tableVersion)
        {
            var table = tables.Convert(resource, [obj], tableVersion, query.IncludeObject,
                new JsonObject { ["resourceVersion"] = obj["metadata"]?["resourceVersion"]?.DeepClone() });
            await HttpIo.WriteJsonAsync(context, code, table).ConfigureAwait(false);
            return;
        }

        await HttpIo.WriteJsonAsync(context, code, obj).ConfigureAwait(false);
    }

    private static async Task WriteWithWarningsAsync(HttpContext context, int code, JsonObject obj, FieldValidation validation)
    {
        HttpIo.AddWarnings(context.Response, validation.Warnings);
        await HttpIo.WriteJsonAsync(context, code, obj).ConfigureAwait(false);
    }

    /// <summary>Bodies are JSON, or the protobuf kubectl's typed commands (<c>kubectl create configmap</c>) send
    /// for the few kinds <see cref="KubernetesProtobuf"/> decodes; anything else gets 415. The request's field
    /// validation comes with the body, which holds the duplicate keys it reports.</summary>
    private static async Task<(JsonObject Body, FieldValidation Validation)> ReadObjectAsync(HttpContext context, string optionsKind)
    {
        var directive = FieldValidation.ParseDirective(context.Request.Query["fieldValidation"].FirstOrDefault(), optionsKind);
        var contentType = (context.Request.ContentType ?? "application/json").Split(';')[0].Trim();
        if (contentType == KubernetesProtobuf.MediaType)
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer, context.RequestAborted).ConfigureAwait(false);
            try
            {
                var decoded = KubernetesProtobuf.Decode(buffer.ToArray())
                    ?? throw StatusErrors.UnsupportedMediaType(contentType, ["application/json"]);
                return (decoded, new FieldValidation(directive, []));
            }
            catch (FormatException e)
            {
                throw StatusErrors.BadRequest($"the request body is not valid protobuf: {e.Message}");
            }
        }

        if (contentType is not ("application/json" or ""))
        {
            throw StatusErrors.UnsupportedMediaType(contentType, ["application/json"]);
        }

        var text = await HttpIo.ReadTextAsync(context).ConfigureAwait(false);
        var body = HttpIo.ParseJson(text) as JsonObject ?? throw StatusErrors.BadRequest("the request body must be a JSON object");
        return (body, new FieldValidation(directive, DuplicateFields.Find(text)));
    }

    private JsonObject List(HttpRequest request, ApiPath path, ResourceDefinition resource, ListQuery query)
    {
        var labels = LabelSelector.Parse(query.LabelSelector);
        var fields = FieldSelector.Parse(query.FieldSelector, resource.Group, resource.Plural);
        var scope = resource.Namespaced ? path.Namespace : null;
        IEnumerable<StoredObject> selected;
        long listVersion;
        if (query.Continue is { Length: > 0 } token)
        {
            var (tokenVersion, lastNamespace, lastName) = ListQuery.DecodeContinue(token);
            listVersion = tokenVersion;
            selected = service.Store.ListAt(resource.Id, scope, tokenVersion)
                .Where(o => string.CompareOrdinal(o.Key.Namespace, lastNamespace) > 0
                    || (o.Key.Namespace == lastNamespace && string.CompareOrdinal(o.Key.Name, lastName) > 0));
        }
        else
        {
            (var items, listVersion) = service.Store.List(resource.Id, scope);
            selected = items;
        }

        selected = selected.Where(o => labels.Matches(o.Labels) && fields.Matches(o.Fields));
        var all = selected.ToList();
        var page = query.Limit > 0 ? all.Take((int)query.Limit).ToList() : all;
        var metadata = new JsonObject { ["resourceVersion"] = listVersion.ToString(CultureInfo.InvariantCulture) };
        if (page.Count < all.Count)
        {
            var last = page[^1];
            metadata["continue"] = ListQuery.EncodeContinue(listVersion, last.Key.Namespace, last.Key.Name);
            metadata["remainingItemCount"] = all.Count - page.Count;
        }

        var objects = page.Select(o => ObjectService.AsVersion(resource, o.ToJson())).ToList();
        if (HttpIo.AcceptedTableVersion(request) is { } tableVersion)
        {
            return tables.Convert(resource, objects, tableVersion, query.IncludeObject, metadata);
        }

        return new JsonObject
        {
            ["kind"] = resource.ListKind,
            ["apiVersion"] = resource.ApiVersion,
            ["metadata"] = metadata,
            ["items"] = new JsonArray([.. objects]),
        };
    }

    private JsonObject DeleteCollection(HttpRequest request, ApiPath path, ResourceDefinition resource, ListQuery query, DeleteOptions options)
    {
        var list = List(request, path, resource, query with { Limit = 0, Continue = null });
        var deleted = new JsonArray();
        foreach (var item in (list["items"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var name = ServerFields.Str(item["metadata"]?["name"])!;
            var ns = ServerFields.Str(item["metadata"]?["namespace"]);
            try
            {
                deleted.Add(service.Delete(resource, ns, name, options));
            }
            catch (ApiException e) when (e.Code == 404)
            {
                // Removed concurrently: nothing left to delete.
            }
        }

        list["items"] = deleted;
        return list;
    }

    private WatchRequest WatchRequestFor(HttpRequest request, ApiPath path, ResourceDefinition resource, ListQuery query) => new(
        resource,
        path.Namespace,
        LabelSelector.Parse(query.LabelSelector),
        FieldSelector.Parse(query.FieldSelector, resource.Group, resource.Plural),
        query.WatchFrom(),
        query.TimeoutSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : defaultWatchTimeout,
        query.AllowBookmarks,
        HttpIo.AcceptedTableVersion(request),
        query.IncludeObject);

    private static (PatchType Type, string ContentType) PatchTypeOf(HttpRequest request)
    {
        var contentType = (request.ContentType ?? "").Split(';')[0].Trim();
        return contentType switch
        {
            "application/merge-patch+json" => (PatchType.Merge, contentType),
            "application/json-patch+json" => (PatchType.Json, contentType),
            "application/strategic-merge-patch+json" => (PatchType.StrategicMerge, contentType),
            // CBOR apply bodies are not decoded: 415, as from a server without the CBOR feature.
            "application/apply-patch+yaml" => (PatchType.Apply, contentType),
            _ => throw StatusErrors.UnsupportedMediaType(contentType, ObjectService.BuiltInPatchMediaTypes),
        };
    }

    private static DeleteOptions DeleteOptionsOf(IQueryCollection query, JsonObject? body)
    {
        long? grace = body?["gracePeriodSeconds"] is JsonValue g ? g.GetValue<long>() : null;
        if (query["gracePeriodSeconds"].FirstOrDefault() is { } graceText)
        {
            grace = ListQuery.ParseVersion(graceText);
        }

        var policy = ServerFields.Str(body?["propagationPolicy"]) ?? query["propagationPolicy"].FirstOrDefault();
        if (policy is null && body?["orphanDependents"] is JsonValue orphan && orphan.GetValue<bool>())
        {
            policy = "Orphan";
        }

        return new DeleteOptions
        {
            PreconditionUid = ServerFields.Str(body?["preconditions"]?["uid"]),
            PreconditionResourceVersion = ServerFields.Str(body?["preconditions"]?["resourceVersion"]),
            PropagationPolicy = policy,
            GracePeriodSeconds = grace,
        };
    }
}
