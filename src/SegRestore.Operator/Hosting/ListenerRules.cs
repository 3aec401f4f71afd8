namespace SegRestore.Operator.Hosting;

/// <summary>
/// Which endpoint answers on which of the operator's two listeners: the reporter's gRPC methods only on the reporter
/// listener (HTTP/2, TLS when configured), /healthz, /readyz and /metrics only on the HTTP listener. A request for an
/// endpoint on the other listener is not routed (404), so a plaintext HTTP port never serves the reporter and the
/// reporter's port, which workers reach, never serves metrics.
/// </summary>
public static class ListenerRules
{
    public static bool Routes(EndpointListener owner, bool onReporterListener) => owner switch
    {
        EndpointListener.Reporter => onReporterListener,
        EndpointListener.Http => !onReporterListener,
        _ => true,
    };
}
