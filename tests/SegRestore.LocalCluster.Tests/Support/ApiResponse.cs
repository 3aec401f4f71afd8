using System.Net;
using System.Text.Json.Nodes;

namespace SegRestore.LocalCluster.Tests.Support;

/// <summary>A response of the API server: status code and parsed JSON body (null when not JSON).</summary>
public sealed record ApiResponse(HttpStatusCode Status, JsonNode? Body, string Text)
{
    public int Code => (int)Status;

    /// <summary>The texts of the response's <c>Warning</c> headers (<c>299 - "unknown field \"spec.foo\""</c>).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    public JsonObject Json => Body as JsonObject ?? throw new InvalidOperationException($"not a JSON object ({Code}): {Text}");

    public string? Reason => Body?["reason"]?.GetValue<string>();

    public string ResourceVersion => Json["metadata"]!["resourceVersion"]!.GetValue<string>();

    public ApiResponse ShouldBe(int code)
    {
        Code.Should().Be(code, "the response was: {0}", Text);
        return this;
    }
}
