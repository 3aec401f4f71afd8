using System.Globalization;
using System.Text;

namespace SegRestore.Operator.TiFlash;

/// <summary>Where and as whom the operator reaches TiDB's SQL port. The password and the TLS key never print.</summary>
/// <param name="Host">TiDB's host (usually its Service).</param>
/// <param name="Port">TiDB's SQL port (4000 by default on TiDB).</param>
/// <param name="User">The SQL user.</param>
/// <param name="Password">The user's password. Never printed, logged or put in a message.</param>
/// <param name="Tls">TLS material; null means TLS if the server offers it, without verification.</param>
public sealed record TidbSqlTarget(string Host, int Port, string User, string Password, TidbSqlTls? Tls = null)
{
    /// <summary>How long opening the connection (TCP, TLS and login) may take.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long one statement may run before the server is asked to stop it.</summary>
    public TimeSpan CommandTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>host:port as a message shows it.</summary>
    public string Endpoint => Host + ":" + Port.ToString(CultureInfo.InvariantCulture);

    public override string ToString()
    {
        var builder = new StringBuilder("TidbSqlTarget { ");
        PrintMembers(builder);
        return builder.Append(" }").ToString();
    }

    // Replaces the record's generated printer, which would print the password.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Host = ").Append(Host)
            .Append(", Port = ").Append(Port.ToString(CultureInfo.InvariantCulture))
            .Append(", User = ").Append(User)
            .Append(", Password = ").Append(string.IsNullOrEmpty(Password) ? "(none)" : "***")
            .Append(", Tls = ").Append(Tls?.ToString() ?? "(none)")
            .Append(", ConnectTimeout = ").Append(ConnectTimeout.ToString("c", CultureInfo.InvariantCulture))
            .Append(", CommandTimeout = ").Append(CommandTimeout.ToString("c", CultureInfo.InvariantCulture));
        return true;
    }
}
