using System.Text.Json;
using SegRestore.Kube.Models;

namespace SegRestore.Kube.Client;

/// <summary>Decodes one line of a watch stream: <c>{"type": "ADDED", "object": {...}}</c>.</summary>
public static class WatchEventParser
{
    public static WatchEvent<TEntity> Parse<TEntity>(string line, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(line);
        using var document = JsonDocument.Parse(line);
        var root = document.RootElement;
        if (!root.TryGetProperty("type", out var typeElement) || typeElement.ValueKind != JsonValueKind.String)
        {
            throw new JsonException($"watch event has no string 'type': {Truncate(line)}");
        }

        var type = typeElement.GetString() switch
        {
            "ADDED" => WatchEventType.Added,
            "MODIFIED" => WatchEventType.Modified,
            "DELETED" => WatchEventType.Deleted,
            "BOOKMARK" => WatchEventType.Bookmark,
            "ERROR" => WatchEventType.Error,
            var other => throw new JsonException($"watch event has unknown type '{other}'"),
        };
        if (!root.TryGetProperty("object", out var objectElement) || objectElement.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException($"watch event {type} has no 'object': {Truncate(line)}");
        }

        return type == WatchEventType.Error
            ? new WatchEvent<TEntity>(type, default, objectElement.Deserialize<V1Status>(options))
            : new WatchEvent<TEntity>(type, objectElement.Deserialize<TEntity>(options), null);
    }

    /// <summary>Reads events until the server closes the stream (cleanly or not) or the token is cancelled.</summary>
    public static async IAsyncEnumerable<WatchEvent<TEntity>> ReadAsync<TEntity>(
        Stream stream,
        JsonSerializerOptions options,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(stream);
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            if (!string.IsNullOrWhiteSpace(line))
            {
                yield return Parse<TEntity>(line, options);
            }
        }
    }

    private static string Truncate(string line) => line.Length <= 200 ? line : line[..200] + "...";
}
