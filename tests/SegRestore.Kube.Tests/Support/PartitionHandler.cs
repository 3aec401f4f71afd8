namespace SegRestore.Kube.Tests.Support;

/// <summary>
/// Cuts one client off from chosen API paths (a network partition between one replica and the server), so
/// the other replicas and this client's other traffic are unaffected.
/// </summary>
public sealed class PartitionHandler(HttpMessageHandler inner, string pathFragment) : DelegatingHandler(inner)
{
    private volatile bool _blocked;

    public bool Blocked
    {
        get => _blocked;
        set => _blocked = value;
    }

    public int Refused { get; private set; }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (_blocked && request.RequestUri!.AbsolutePath.Contains(pathFragment, StringComparison.Ordinal))
        {
            Refused++;
            throw new HttpRequestException($"partitioned: {request.Method} {request.RequestUri.AbsolutePath}");
        }

        return base.SendAsync(request, cancellationToken);
    }
}
