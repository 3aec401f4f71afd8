using System.Security.Authentication;
using Grpc.Core;

namespace SegRestore.Worker.Reporting;

/// <summary>Pure: which reporter failures are worth retrying (the operator restarting, overloaded, or unreachable).</summary>
public static class RetryDecision
{
    /// <summary>
    /// The TLS handshake failed: the reporter's certificate is not trusted (or not for this address). Grpc.Net.Client
    /// reports it as Internal whose debug exception holds the handshake's <see cref="AuthenticationException"/>; the
    /// status code alone cannot tell it from a transient failure.
    /// </summary>
    public static bool IsUntrustedServer(RpcException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        for (var cause = exception.Status.DebugException; cause is not null; cause = cause.InnerException)
        {
            if (cause is AuthenticationException)
            {
                return true;
            }
        }

        return false;
    }

    public static bool IsTransient(StatusCode code) => code is StatusCode.Unavailable or StatusCode.DeadlineExceeded
        or StatusCode.ResourceExhausted or StatusCode.Aborted or StatusCode.Internal or StatusCode.Unknown or StatusCode.Cancelled;
}
