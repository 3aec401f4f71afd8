using Grpc.Core;

namespace SegRestore.Worker.Reporting;

/// <summary>Pure: which reporter failures are worth retrying (the operator restarting, overloaded, or unreachable).</summary>
public static class RetryDecision
{
    /// <summary>The TLS handshake failed: the reporter's certificate is not trusted (or not for this address).</summary>
    public static bool IsUntrustedServer(RpcException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception.StatusCode == StatusCode.Unavailable
            && exception.Status.Detail.Contains("TLS handshake failed", StringComparison.Ordinal);
    }

    public static bool IsTransient(StatusCode code) => code is StatusCode.Unavailable or StatusCode.DeadlineExceeded
        or StatusCode.ResourceExhausted or StatusCode.Aborted or StatusCode.Internal or StatusCode.Unknown or StatusCode.Cancelled;
}
