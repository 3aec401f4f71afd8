using SegRestore.Grpc;

namespace SegRestore.Worker.Reporting;

/// <summary>Pure: which reporter failures are worth retrying (the operator restarting, overloaded, or unreachable).</summary>
public static class RetryDecision
{
    public static bool IsTransient(StatusCode code) => code is StatusCode.Unavailable or StatusCode.DeadlineExceeded
        or StatusCode.ResourceExhausted or StatusCode.Aborted or StatusCode.Internal or StatusCode.Unknown or StatusCode.Cancelled;
}
