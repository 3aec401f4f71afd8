using System.Collections.Concurrent;

namespace SegRestore.LocalCluster.Http;

/// <summary>
/// Counts every resource request the server receives, by <see cref="RequestKey"/>, so a benchmark can tell how many
/// API writes a client (told apart by its User-Agent) made. Counted on arrival, before fault injection: a write that
/// was answered with an injected error was still a request the client sent. Thread-safe.
/// </summary>
public sealed class RequestCounter
{
    private readonly ConcurrentDictionary<RequestKey, long> _counts = new();

    public void Record(RequestKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        _counts.AddOrUpdate(key, 1, (_, count) => count + 1);
    }

    /// <summary>A copy of the counts so far.</summary>
    public IReadOnlyDictionary<RequestKey, long> Snapshot() => new Dictionary<RequestKey, long>(_counts);

    /// <summary>Write requests (see <see cref="RequestKey.IsWrite"/>) whose key matches <paramref name="filter"/>.</summary>
    public long Writes(Func<RequestKey, bool>? filter = null) =>
        _counts.Where(c => c.Key.IsWrite && (filter is null || filter(c.Key))).Sum(c => c.Value);

    /// <summary>Every distinct (client, verb, group, resource[/subresource]) served so far: RBAC tests compare it with
    /// an allow-list.</summary>
    public IReadOnlyList<Api.ApiRequestRecord> Seen =>
        [.. _counts.Keys.Select(k => new Api.ApiRequestRecord(k.UserAgent, k.Verb, k.Group, k.Subresource is null ? k.Resource : $"{k.Resource}/{k.Subresource}"))];

    public void Reset() => _counts.Clear();
}
