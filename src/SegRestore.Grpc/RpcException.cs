namespace SegRestore.Grpc;

/// <summary>
/// A call that ended with a status other than OK. Thrown by the client when the server (or the transport) reports a
/// failure, and thrown by server handlers to end a call with a chosen status.
/// </summary>
public class RpcException : Exception
{
    public RpcException(Status status)
        : this(status, new Metadata(), null)
    {
    }

    public RpcException(Status status, Metadata trailers)
        : this(status, trailers, null)
    {
    }

    public RpcException(Status status, Metadata trailers, Exception? innerException)
        : base(status.ToString(), innerException)
    {
        Status = status;
        Trailers = trailers;
    }

    public RpcException()
        : this(new Status(StatusCode.Unknown, string.Empty))
    {
    }

    public RpcException(string message)
        : this(new Status(StatusCode.Unknown, message))
    {
    }

    public RpcException(string message, Exception innerException)
        : this(new Status(StatusCode.Unknown, message), new Metadata(), innerException)
    {
    }

    public Status Status { get; }

    public StatusCode StatusCode => Status.StatusCode;

    /// <summary>Trailing metadata of the failed call (empty when the failure happened on this side).</summary>
    public Metadata Trailers { get; }
}
