using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using SegRestore.LocalCluster.Api;
using SegRestore.LocalCluster.Faults;
using SegRestore.LocalCluster.Kubelet;
using SegRestore.LocalCluster.Resources;

namespace SegRestore.LocalCluster.Http;

/// <summary>The entry point of every HTTP request: authentication, fault injection, discovery, OpenAPI, the
/// fault admin path, pod logs, and resource requests; every failure becomes a <c>Status</c> (item 7).</summary>
public sealed class ApiRequestHandler(
    ResourceRegistry registry,
    ResourceEndpoint resources,
    DiscoveryDocuments discovery,
    FaultInjector faults,
    RequestCounter requests,
    IPodLogs? podLogs,
    string? bearerToken,
    Func<string> serverAddress,
    ILogger<ApiRequestHandler> logger)
{
    public const string FaultAdminPath = "/localcluster/faults";

    public async Task HandleAsync(HttpContext context)
    {
        try
        {
            Authenticate(context.Request);
            var path = context.Request.Path.Value ?? "/";
            if (path == FaultAdminPath && context.Request.Method == "POST")
            {
                await FaultAdmin.ApplyAsync(context, faults).ConfigureAwait(false);
                return;
            }

            if (faults.Latency > TimeSpan.Zero)
            {
                await Task.Delay(faults.Latency, context.RequestAborted).ConfigureAwait(false);
            }

            await RouteAsync(context, path).ConfigureAwait(false);
        }
        catch (ApiException e)
        {
            if (!context.Response.HasStarted)
            {
                await HttpIo.WriteErrorAsync(context, e).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client disconnected.
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A bug must still answer as a Status, and be visible in the log.
            logger.LogError(e, "Request {Method} {Path} failed", context.Request.Method, context.Request.Path);
            if (!context.Response.HasStarted)
            {
                await HttpIo.WriteErrorAsync(context, new ApiException(e.Message)).ConfigureAwait(false);
            }
        }
    }

    private async Task RouteAsync(HttpContext context, string path)
    {
        switch (path)
        {
            case "/version" or "/version/":
                await HttpIo.WriteJsonAsync(context, 200, DiscoveryDocuments.Version()).ConfigureAwait(false);
                return;
            case "/healthz" or "/readyz" or "/livez":
                await WriteTextAsync(context, 200, "ok").ConfigureAwait(false);
                return;
            case "/openapi/v2":
                await WriteOpenApiAsync(context).ConfigureAwait(false);
                return;
            default:
                break;
        }

        var apiPath = ApiPath.Parse(path) ?? throw StatusErrors.NotFoundPath(path);
        JsonNode? document = apiPath.Kind switch
        {
            ApiPathKind.CoreVersions => DiscoveryDocuments.CoreVersions(serverAddress()),
            ApiPathKind.GroupList => discovery.GroupList(),
            ApiPathKind.Group => discovery.Group(apiPath.Group),
            ApiPathKind.ResourceList => discovery.ResourceList(apiPath.Group, apiPath.Version),
            _ => null,
        };
        if (apiPath.Kind != ApiPathKind.Resource)
        {
            await HttpIo.WriteJsonAsync(context, 200, document ?? throw StatusErrors.NotFoundPath(path)).ConfigureAwait(false);
            return;
        }

        var resource = registry.Find(apiPath.Group, apiPath.Version, apiPath.Plural) ?? throw StatusErrors.NotFoundPath(path);
        var query = ListQuery.From(context.Request.Query, apiPath.LegacyWatch);
        var verb = ResourceEndpoint.Verb(context.Request, apiPath, query.Watch);
        requests.Record(new RequestKey(context.Request.Headers.UserAgent.ToString(), verb, resource.Group, resource.Plural, apiPath.Subresource));
        if (faults.FailureFor(verb, resource.Plural) is { } code)
        {
            throw StatusErrors.Injected(code, verb, resource.Plural);
        }

        if (apiPath.Subresource == "log" && resource.HasLog && apiPath.Name is { } pod && context.Request.Method == "GET")
        {
            if (podLogs is null)
            {
                throw StatusErrors.BadRequest("the process kubelet is disabled: no logs");
            }

            await podLogs.WriteAsync(context, apiPath.Namespace ?? "", pod, context.Request.Query["container"].FirstOrDefault(),
                QueryFlag.IsSet(context.Request.Query, "follow")).ConfigureAwait(false);
            return;
        }

        await resources.HandleAsync(context, apiPath, resource, query).ConfigureAwait(false);
    }

    private static async Task WriteOpenApiAsync(HttpContext context)
    {
        if (context.Request.Headers.Accept.ToString().Contains("protobuf", StringComparison.Ordinal))
        {
            var bytes = OpenApiDocument.Protobuf();
            context.Response.StatusCode = 200;
            context.Response.ContentType = OpenApiDocument.ProtobufMediaType;
            await context.Response.Body.WriteAsync(bytes, context.RequestAborted).ConfigureAwait(false);
            return;
        }

        await HttpIo.WriteJsonAsync(context, 200, OpenApiDocument.Json()).ConfigureAwait(false);
    }

    private static async Task WriteTextAsync(HttpContext context, int code, string text)
    {
        context.Response.StatusCode = code;
        context.Response.ContentType = "text/plain";
        await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(text), context.RequestAborted).ConfigureAwait(false);
    }

    private void Authenticate(HttpRequest request)
    {
        if (bearerToken is null)
        {
            return;
        }

        var header = request.Headers.Authorization.ToString();
        var expected = Encoding.UTF8.GetBytes("Bearer " + bearerToken);
        if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(header), expected))
        {
            throw StatusErrors.Unauthorized();
        }
    }
}
