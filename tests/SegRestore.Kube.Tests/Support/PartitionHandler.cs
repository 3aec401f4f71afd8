namespace SegRestore.Kube.Tests.Support;

/// <summary>
/// Cuts one client off from chosen API paths (a network partition between one replica and the server), so
/// the other replicas and this client's other traffic are unaffected.
/// </summary>
public sealed class PartitionHandler : DelegatingHandler
{
    private readonly string _pathFragment;

    private volatile bool _blocked;

    /// <summary>In front of <paramref name="inner"/>, or (null) of the handler an official <c>k8s.Kubernetes</c>
    /// puts behind the delegating handlers it is given.</summary>
    public PartitionHandler(HttpMessageHandler? inner, string pathFragment)
    {
        if (inner is not null)
        {
            InnerHandler = inner;
        }

        _pathFragment = pathFragment;
    }

    public bool Blocked
    {
        get => _blocked;
        set => _blocked = value;
    }

    public int Refused { get; private set; }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (_blocked && request.RequestUri!.AbsolutePath.Contains(_pathFragment, StringComparison.Ordinal))
        {
            Refused++;
            throw new HttpRequestException($"partitioned: {request.Method} {request.RequestUri.AbsolutePath}");
        }

        return base.SendAsync(request, cancellationToken);
    }
}
