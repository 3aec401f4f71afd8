namespace SegRestore.Operator.Hosting;

/// <summary>The listener an endpoint belongs to (<see cref="ListenerRules"/>).</summary>
public enum EndpointListener
{
    /// <summary>Not tied to a listener, e.g. Grpc.AspNetCore's answers for unknown methods (status 12).</summary>
    Any,

    /// <summary>The reporter's gRPC methods.</summary>
    Reporter,

    /// <summary>Probes and metrics.</summary>
    Http,
}
