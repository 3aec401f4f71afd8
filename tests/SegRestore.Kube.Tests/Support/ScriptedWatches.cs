using System.Runtime.CompilerServices;
using k8s;
using k8s.Models;
using SegRestore.Kube.Client;

namespace SegRestore.Kube.Tests.Support;

/// <summary>Watch streams for a mocked client: a few events, then end, hang until cancelled, or fail.</summary>
public static class ScriptedWatches
{
    public static async IAsyncEnumerable<WatchEvent<T>> StreamOf<T>(
        IEnumerable<WatchEvent<T>> events, bool hang, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var e in events)
        {
            await Task.Yield();
            yield return e;
        }

        if (hang)
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
        }
    }

    public static async IAsyncEnumerable<WatchEvent<T>> Failing<T>(Exception error)
    {
        await Task.Yield();
        if (error is not null)
        {
            throw error;
        }

        yield break;
    }

    public static V1ConfigMap ConfigMap(string name, string resourceVersion, string? value = null) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = "ns", ResourceVersion = resourceVersion },
        Data = value is null ? null : new Dictionary<string, string> { ["v"] = value },
    };

    public static KubernetesList<V1ConfigMap> List(string resourceVersion, params V1ConfigMap[] items) => new(items)
    {
        Metadata = new V1ListMeta { ResourceVersion = resourceVersion },
        Items = items,
    };
}
