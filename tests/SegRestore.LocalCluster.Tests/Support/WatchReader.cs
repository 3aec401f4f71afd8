using System.Net;
using System.Text.Json.Nodes;

namespace SegRestore.LocalCluster.Tests.Support;

/// <summary>An open watch: reads newline-delimited events one at a time.</summary>
public sealed class WatchReader(HttpRequestMessage request, HttpResponseMessage response) : IAsyncDisposable
{
    private StreamReader? _reader;

    public HttpStatusCode Status => response.StatusCode;

    public async Task<string> ReadErrorBody() => await response.Content.ReadAsStringAsync();

    /// <summary>The next event, or null when the server closed the stream.</summary>
    public async Task<JsonObject?> Next(TimeSpan timeout)
    {
        _reader ??= new StreamReader(await response.Content.ReadAsStreamAsync());
        using var cancel = new CancellationTokenSource(timeout);
        var line = await _reader.ReadLineAsync(cancel.Token);
        return line is null ? null : (JsonObject)JsonNode.Parse(line)!;
    }

    /// <summary>Reads until an event satisfies the predicate (skipping others), or fails after the timeout.</summary>
    public async Task<JsonObject> NextMatching(Func<JsonObject, bool> predicate, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var remaining = deadline - DateTime.UtcNow;
            var next = await Next(remaining > TimeSpan.Zero ? remaining : TimeSpan.FromMilliseconds(1))
                ?? throw new InvalidOperationException("the watch closed before the expected event");
            if (predicate(next))
            {
                return next;
            }
        }
    }

    public ValueTask DisposeAsync()
    {
        _reader?.Dispose();
        response.Dispose();
        request.Dispose();
        return ValueTask.CompletedTask;
    }
}
