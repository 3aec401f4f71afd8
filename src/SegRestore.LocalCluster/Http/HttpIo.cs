using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using SegRestore.LocalCluster.Api;

namespace SegRestore.LocalCluster.Http;

/// <summary>Reading request bodies and writing JSON responses.</summary>
public static class HttpIo
{
    public static async Task<JsonNode> ReadJsonAsync(HttpContext context) =>
        ParseJson(await ReadTextAsync(context).ConfigureAwait(false));

    public static async Task<string> ReadTextAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        return await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>Parses a body; of a key repeated in one object the last occurrence wins, as with Go's decoder
    /// (field validation reports the repetition, see <see cref="Semantics.DuplicateFields"/>).</summary>
    public static JsonNode ParseJson(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            return LastWins(document.RootElement) ?? throw StatusErrors.BadRequest("the request body is empty (null)");
        }
        catch (JsonException e)
        {
            throw StatusErrors.BadRequest($"the request body is not valid JSON: {e.Message}");
        }
    }

    private static JsonNode? LastWins(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var obj = new JsonObject();
                foreach (var property in element.EnumerateObject())
                {
                    obj[property.Name] = LastWins(property.Value);
                }

                return obj;
            case JsonValueKind.Array:
                return new JsonArray([.. element.EnumerateArray().Select(LastWins)]);
            case JsonValueKind.Null or JsonValueKind.Undefined:
                return null;
            default:
                return JsonValue.Create(element.Clone());
        }
    }

    public static async Task<JsonObject?> ReadOptionalObjectAsync(HttpContext context)
    {
        if (context.Request.ContentLength == 0)
        {
            return null;
        }

        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var text = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(text) as JsonObject;
        }
        catch (JsonException e)
        {
            throw StatusErrors.BadRequest($"the request body is not valid JSON: {e.Message}");
        }
    }

    public static async Task WriteJsonAsync(HttpContext context, int code, JsonNode body)
    {
        context.Response.StatusCode = code;
        context.Response.ContentType = "application/json";
        var bytes = Encoding.UTF8.GetBytes(body.ToJsonString());
        context.Response.ContentLength = bytes.Length;
        await context.Response.Body.WriteAsync(bytes, context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>Each warning as its own <c>Warning: 299 - "text"</c> header (RFC 7234 form, as the API server sends).</summary>
    public static void AddWarnings(HttpResponse response, IEnumerable<string> warnings)
    {
        foreach (var warning in warnings)
        {
            var quoted = warning.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
            response.Headers.Append("Warning", $"299 - \"{quoted}\"");
        }
    }

    public static Task WriteErrorAsync(HttpContext context, ApiException error) =>
        WriteJsonAsync(context, error.Code, error.Status);

    /// <summary>The Table version the client accepts, from an Accept such as
    /// <c>application/json;as=Table;v=v1;g=meta.k8s.io,application/json</c>; null when it wants plain objects.</summary>
    public static string? AcceptedTableVersion(HttpRequest request)
    {
        var accept = request.Headers.Accept.ToString();
        foreach (var part in accept.Split(','))
        {
            var parameters = part.Split(';').Select(p => p.Trim()).ToList();
            if (parameters.Contains("as=Table") && parameters.Contains("g=meta.k8s.io"))
            {
                return parameters.Contains("v=v1beta1") ? "meta.k8s.io/v1beta1" : "meta.k8s.io/v1";
            }
        }

        return null;
    }
}
