using System.Net;
using System.Text.Json;
using k8s;
using k8s.Models;
using SegRestore.Kube.Client;
using SegRestore.Kube.Tests.Support;

namespace SegRestore.Kube.Tests.Client;

/// <summary>
/// Watch lines as the facade yields them. The lines are read by the official watcher; these tests hold what the
/// informer relies on: the type and object of each event, the Status of an ERROR, and a clear failure for a line
/// that cannot be an event.
/// </summary>
public sealed class WatchDecodingTests : IDisposable
{
    private readonly FakeHttpHandler _handler = new();

    public void Dispose() => _handler.Dispose();

    [Theory]
    [InlineData("ADDED", WatchEventType.Added)]
    [InlineData("MODIFIED", WatchEventType.Modified)]
    [InlineData("DELETED", WatchEventType.Deleted)]
    [InlineData("BOOKMARK", WatchEventType.Bookmark)]
    public async Task Object_events_decode_type_and_object(string wireType, WatchEventType expected)
    {
        var parsed = await ReadAsync("""{"type":"TYPE","object":{"kind":"ConfigMap","metadata":{"name":"c","resourceVersion":"7"}}}"""
            .Replace("TYPE", wireType, StringComparison.Ordinal));

        parsed.Should().ContainSingle();
        parsed[0].Type.Should().Be(expected);
        parsed[0].Object!.Metadata.ResourceVersion.Should().Be("7");
    }

    [Fact]
    public async Task Error_events_carry_the_status()
    {
        var parsed = await ReadAsync("""{"type":"ERROR","object":{"kind":"Status","status":"Failure","reason":"Expired","code":410,"message":"too old"}}""");

        parsed.Should().ContainSingle();
        parsed[0].Type.Should().Be(WatchEventType.Error);
        parsed[0].Status!.Code.Should().Be(410);
        parsed[0].Object.Should().BeNull();
    }

    /// <summary>A line that names no known type or carries no object is refused with the request named. (The official
    /// reader takes a line without a type as ADDED, so that case is no longer refused.)</summary>
    [Theory]
    [InlineData("""{"type":"SOMETHING","object":{}}""")]
    [InlineData("""{"type":"ADDED"}""")]
    public async Task Malformed_events_are_rejected_with_the_reason(string line) =>
        (await FluentActions.Awaiting(() => ReadAsync(line)).Should().ThrowAsync<JsonException>())
            .WithMessage("GET /api/v1/namespaces/team/configmaps?watch=true: a watch event could not be read: *");

    [Fact]
    public async Task A_stream_yields_one_event_per_line_and_skips_blank_lines()
    {
        var events = await ReadAsync("""
            {"type":"ADDED","object":{"kind":"ConfigMap","metadata":{"name":"a","resourceVersion":"1"}}}

            {"type":"BOOKMARK","object":{"kind":"ConfigMap","metadata":{"resourceVersion":"5"}}}
            """);

        events.Select(e => e.Type).Should().Equal(WatchEventType.Added, WatchEventType.Bookmark);
        events[1].Object!.Metadata.ResourceVersion.Should().Be("5");
    }

    private async Task<List<WatchEvent<V1ConfigMap>>> ReadAsync(string lines)
    {
        _handler.Respond(HttpStatusCode.OK, lines);
        using var client = new KubernetesClient(
            new KubernetesClientConfiguration { Host = "https://kube.example:6443/", Namespace = "team" }, null, _handler);
        var events = new List<WatchEvent<V1ConfigMap>>();
        await foreach (var e in client.WatchAsync<V1ConfigMap>("team"))
        {
            events.Add(e);
        }

        return events;
    }
}
