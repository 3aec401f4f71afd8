namespace SegRestore.Grpc;

/// <summary>
/// Per-call settings, shaped like Grpc.Core's <c>CallOptions</c>: request metadata, an absolute deadline (UTC) and a
/// cancellation token.
/// </summary>
public readonly record struct CallOptions(
    Metadata? Headers = null,
    DateTime? Deadline = null,
    CancellationToken CancellationToken = default)
{
    public CallOptions WithDeadline(DateTime deadline) => this with { Deadline = deadline };

    public CallOptions WithHeaders(Metadata headers) => this with { Headers = headers };

    public CallOptions WithCancellationToken(CancellationToken cancellationToken) =>
        this with { CancellationToken = cancellationToken };
}
