namespace SegRestore.Kube.Client;

public sealed partial class KubernetesClient
{
    public Task<string> ReadPodLogAsync(
        string name, string @namespace, string? container = null, int? tailLines = null, long? limitBytes = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(@namespace);
        var request = Describe("GET", EntityResource.For<k8s.Models.V1Pod>(), @namespace, name) + "/log";
        return RunAsync(request, async token =>
        {
            using var response = await _kubernetes.CoreV1.ReadNamespacedPodLogWithHttpMessagesAsync(
                name, @namespace, container, limitBytes: limitBytes is { } bytes ? (int)Math.Min(bytes, int.MaxValue) : null, tailLines: tailLines, cancellationToken: token)
                .ConfigureAwait(false);
            using var reader = new StreamReader(response.Body);
            return await reader.ReadToEndAsync(token).ConfigureAwait(false);
        }, cancellationToken);
    }
}
