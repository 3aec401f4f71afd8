using System.Collections.Concurrent;

namespace SegRestore.LocalCluster.Api;

/// <summary>
/// Which client called which verb on which resource (the distinct set, not every request): what an RBAC review needs
/// to compare a component's real API use with the permissions granted to it.
/// </summary>
public sealed class ApiRequestLog
{
    private readonly ConcurrentDictionary<ApiRequestRecord, bool> _seen = new();

    public IReadOnlyCollection<ApiRequestRecord> Seen => [.. _seen.Keys];

    public void Record(ApiRequestRecord request) => _seen.TryAdd(request, true);
}
