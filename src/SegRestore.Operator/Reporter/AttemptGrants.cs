using Grpc.Core;

namespace SegRestore.Operator.Reporter;

/// <summary>Carries the grant <see cref="AttemptTokenInterceptor"/> found from the interceptors to the handler.</summary>
public static class AttemptGrants
{
    private static readonly object Key = typeof(AttemptGrant);

    public static void SetGrant(this ServerCallContext context, AttemptGrant grant)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.UserState[Key] = grant;
    }

    /// <summary>The grant of an authenticated call, or null before the token check ran.</summary>
    public static AttemptGrant? FindGrant(this ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.UserState.TryGetValue(Key, out var grant) ? grant as AttemptGrant : null;
    }

    /// <summary>The grant of an authenticated call; a handler reached without the token check is a wiring error.</summary>
    public static AttemptGrant Grant(this ServerCallContext context) =>
        context.FindGrant() ?? throw new InvalidOperationException(
            $"Reporter call {context.Method} reached its handler without a token check: register {nameof(AttemptTokenInterceptor)} " +
            "first in the reporter's gRPC interceptors (ReporterHost does).");
}
