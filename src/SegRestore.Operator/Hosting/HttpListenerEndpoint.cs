namespace SegRestore.Operator.Hosting;

/// <summary>Endpoint metadata: served on the operator's HTTP listener only (probes, metrics).</summary>
public sealed class HttpListenerEndpoint
{
    public static readonly HttpListenerEndpoint Instance = new();

    private HttpListenerEndpoint()
    {
    }
}
