using System.Net.Sockets;
using System.Security.Authentication;
using MySqlConnector;

namespace SegRestore.Operator.TiFlash;

/// <summary>
/// Why talking to TiDB's SQL port failed, whether trying again can help, and what to tell the DBA. Messages name the
/// endpoint and the user, never the password (any text from the server or driver has it masked too).
/// </summary>
/// <param name="Reason">One of <see cref="TiFlashSqlReasons"/>.</param>
/// <param name="Retryable">Whether a later attempt can succeed without anyone changing anything.</param>
/// <param name="Message">What happened and what to do, for a condition message or an event.</param>
public sealed record TiFlashSqlFailure(string Reason, bool Retryable, string Message)
{
    /// <summary>The phrase of TiDB's "the tiflash replica count: %d should be less than the total tiflash server count: %d".</summary>
    public const string NotEnoughTiFlashServersPhrase = "should be less than the total tiflash server count";

    private const int AccessDenied = 1045;
    private const int DatabaseAccessDenied = 1044;
    private const int TableAccessDenied = 1142;
    private const int SpecificAccessDenied = 1227;

    /// <summary>
    /// Classifies <paramref name="exception"/> from the driver. The caller rethrows an <see cref="OperationCanceledException"/>
    /// of its own token instead of classifying it; any other cancellation is a timeout.
    /// </summary>
    public static TiFlashSqlFailure Classify(Exception exception, TidbSqlTarget target)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var mysql = Find<MySqlException>(exception);
        return Classify(mysql is null ? null : (int)mysql.ErrorCode, mysql?.Message ?? exception.Message, exception, target);
    }

    /// <summary>
    /// The decision itself: <paramref name="errorNumber"/> is the server's (or MySqlConnector's) error number when there
    /// is one, <paramref name="message"/> its text, and <paramref name="exception"/> the exception whose type and inner
    /// exceptions tell network, TLS and timeout failures apart.
    /// </summary>
    public static TiFlashSqlFailure Classify(int? errorNumber, string message, Exception exception, TidbSqlTarget target)
    {
        ArgumentNullException.ThrowIfNull(exception);
        ArgumentNullException.ThrowIfNull(target);
        var who = $"{target.User}@{target.Endpoint}";
        var said = Mask(message, target.Password);

        if (errorNumber == AccessDenied)
        {
            return new(TiFlashSqlReasons.SqlAccessDenied, false,
                $"TiDB at {target.Endpoint} refused the login of user '{target.User}' ({said}); check the user and password keys in the SQL Secret (and the client certificate, if the user requires one)");
        }

        if (errorNumber is TableAccessDenied or SpecificAccessDenied or DatabaseAccessDenied)
        {
            return new(TiFlashSqlReasons.SqlPermissionDenied, false,
                $"{who} may not set TiFlash replicas ({said}); the user needs the ALTER privilege: GRANT ALTER on the restored tables");
        }

        if (said.Contains(NotEnoughTiFlashServersPhrase, StringComparison.OrdinalIgnoreCase))
        {
            return new(TiFlashSqlReasons.TiFlashNotReady, true,
                $"TiDB at {target.Endpoint} refused {target.User}'s replica setting: fewer TiFlash servers are up than the replica count ({said}); waiting for TiFlash");
        }

        if (IsTls(exception, said))
        {
            return new(TiFlashSqlReasons.SqlTlsFailed, false,
                $"TLS to TiDB at {target.Endpoint} as '{target.User}' failed ({Describe(exception, said, target.Password)}); " +
                "the CA in the cluster's client secret must sign TiDB's server certificate, and TiDB must accept the client certificate");
        }

        if (errorNumber == (int)MySqlErrorCode.CommandTimeoutExpired || Find<TimeoutException>(exception) is not null ||
            Find<OperationCanceledException>(exception) is not null)
        {
            return new(TiFlashSqlReasons.SqlTimeout, true,
                $"TiDB at {target.Endpoint} did not answer {target.User} in time ({said}); connect timeout {target.ConnectTimeout.TotalSeconds:0.#}s, " +
                $"statement timeout {target.CommandTimeout.TotalSeconds:0.#}s");
        }

        if (errorNumber == (int)MySqlErrorCode.UnableToConnectToHost || Find<SocketException>(exception) is not null ||
            (errorNumber is null && Find<IOException>(exception) is not null))
        {
            return new(TiFlashSqlReasons.SqlUnreachable, true,
                $"TiDB's SQL port {target.Endpoint} cannot be reached as '{target.User}' ({Describe(exception, said, target.Password)})");
        }

        var number = errorNumber is { } n ? FormattableString.Invariant($"error {n}: ") : string.Empty;
        return new(TiFlashSqlReasons.SqlFailed, false, $"TiDB at {target.Endpoint} as '{target.User}' failed: {number}{said}");
    }

    private static bool IsTls(Exception exception, string message) =>
        Find<AuthenticationException>(exception) is not null ||
        message.Contains("does not support SSL", StringComparison.OrdinalIgnoreCase) ||
        message.Contains("rejected client certificate", StringComparison.OrdinalIgnoreCase) ||
        (Find<IOException>(exception) is { } io && (io.Message.Contains("SSL", StringComparison.OrdinalIgnoreCase) ||
                                                    io.Message.Contains("TLS", StringComparison.OrdinalIgnoreCase) ||
                                                    io.Message.Contains("handshake", StringComparison.OrdinalIgnoreCase)));

    // The outer message and the innermost cause, which says what the network or TLS layer saw.
    private static string Describe(Exception exception, string message, string password)
    {
        var inner = exception;
        while (inner.InnerException is not null)
        {
            inner = inner.InnerException;
        }

        var cause = Mask(inner.Message, password);
        return ReferenceEquals(inner, exception) || message.Contains(cause, StringComparison.Ordinal) ? message : message + ": " + cause;
    }

    private static string Mask(string? text, string password) =>
        string.IsNullOrEmpty(password) ? text ?? string.Empty : (text ?? string.Empty).Replace(password, "***", StringComparison.Ordinal);

    private static T? Find<T>(Exception? exception)
        where T : Exception
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is T found)
            {
                return found;
            }

            if (current is AggregateException { InnerExceptions.Count: > 0 } aggregate)
            {
                return aggregate.InnerExceptions.Select(Find<T>).FirstOrDefault(e => e is not null);
            }
        }

        return null;
    }
}
