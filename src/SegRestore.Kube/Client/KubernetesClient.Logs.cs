using System.Globalization;
using SegRestore.Kube.Models;

namespace SegRestore.Kube.Client;

public sealed partial class KubernetesClient
{
    public async Task<string> ReadPodLogAsync(
        string name, string @namespace, string? container = null, int? tailLines = null, long? limitBytes = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(@namespace);
        var query = new List<string>();
        if (container is not null)
        {
            query.Add("container=" + Uri.EscapeDataString(container));
        }

        if (tailLines is { } lines)
        {
            query.Add("tailLines=" + lines.ToString(CultureInfo.InvariantCulture));
        }

        if (limitBytes is { } bytes)
        {
            query.Add("limitBytes=" + bytes.ToString(CultureInfo.InvariantCulture));
        }

        var path = ResourcePaths.Item(EntityResource.For<V1Pod>(), @namespace, name) + "/log" + (query.Count == 0 ? "" : "?" + string.Join('&', query));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(RequestTimeout);
        try
        {
            using var response = await SendRawAsync(HttpMethod.Get, path, null, streamBody: false, cancellationToken, timeout.Token).ConfigureAwait(false);
            return await response.Content.ReadAsStringAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw TimedOut(HttpMethod.Get, path);
        }
    }
}
