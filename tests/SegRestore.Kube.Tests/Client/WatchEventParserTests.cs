using System.Text.Json;
using SegRestore.Kube.Client;
using SegRestore.Kube.Models;
using SegRestore.Kube.Serialization;

namespace SegRestore.Kube.Tests.Client;

public class WatchEventParserTests
{
    [Theory]
    [InlineData("ADDED", WatchEventType.Added)]
    [InlineData("MODIFIED", WatchEventType.Modified)]
    [InlineData("DELETED", WatchEventType.Deleted)]
    [InlineData("BOOKMARK", WatchEventType.Bookmark)]
    public void Object_events_decode_type_and_object(string wireType, WatchEventType expected)
    {
        var line = """{"type":"TYPE","object":{"kind":"ConfigMap","metadata":{"name":"c","resourceVersion":"7"}}}"""
            .Replace("TYPE", wireType, StringComparison.Ordinal);

        var parsed = WatchEventParser.Parse<V1ConfigMap>(line, KubernetesJson.Default);

        parsed.Type.Should().Be(expected);
        parsed.Object!.Metadata.ResourceVersion.Should().Be("7");
    }

    [Fact]
    public void Error_events_carry_the_status()
    {
        const string line = """{"type":"ERROR","object":{"kind":"Status","status":"Failure","reason":"Expired","code":410,"message":"too old"}}""";

        var parsed = WatchEventParser.Parse<V1ConfigMap>(line, KubernetesJson.Default);

        parsed.Type.Should().Be(WatchEventType.Error);
        parsed.Status!.Code.Should().Be(410);
        parsed.Object.Should().BeNull();
    }

    [Theory]
    [InlineData("""{"object":{}}""", "*no string 'type'*")]
    [InlineData("""{"type":"SOMETHING","object":{}}""", "*unknown type 'SOMETHING'*")]
    [InlineData("""{"type":"ADDED"}""", "*has no 'object'*")]
    public void Malformed_events_are_rejected_with_the_reason(string line, string message) =>
        FluentActions.Invoking(() => WatchEventParser.Parse<V1ConfigMap>(line, KubernetesJson.Default))
            .Should().Throw<JsonException>().WithMessage(message);

    [Fact]
    public async Task A_stream_yields_one_event_per_line_and_skips_blank_lines()
    {
        var text = """
            {"type":"ADDED","object":{"metadata":{"name":"a","resourceVersion":"1"}}}

            {"type":"BOOKMARK","object":{"metadata":{"resourceVersion":"5"}}}
            """;
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text));

        var events = new List<WatchEvent<V1ConfigMap>>();
        await foreach (var e in WatchEventParser.ReadAsync<V1ConfigMap>(stream, KubernetesJson.Default, CancellationToken.None))
        {
            events.Add(e);
        }

        events.Select(e => e.Type).Should().Equal(WatchEventType.Added, WatchEventType.Bookmark);
        events[1].Object!.Metadata.ResourceVersion.Should().Be("5");
    }
}
