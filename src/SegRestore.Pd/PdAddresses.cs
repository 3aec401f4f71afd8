using System.Globalization;

namespace SegRestore.Pd;

/// <summary>
/// Parses a PD address list the way BR's <c>--pd</c> takes it: comma-separated <c>host:port</c>, optionally with
/// <c>http://</c> or <c>https://</c>. A bare address uses https when TLS files are configured, http otherwise;
/// the port defaults to PD's client port 2379.
/// </summary>
public static class PdAddresses
{
    public const int DefaultPort = 2379;

    /// <exception cref="ArgumentException">The list is empty or an entry is malformed; the message names the entry and the fix.</exception>
    public static IReadOnlyList<Uri> Parse(string? addresses, bool tlsConfigured)
    {
        var entries = (addresses ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (entries.Length == 0)
        {
            throw new ArgumentException(
                $"The PD address list '{addresses}' is empty; give at least one PD client address such as 'pd:2379'.",
                nameof(addresses));
        }

        var result = new List<Uri>();
        foreach (var entry in entries)
        {
            var uri = ParseEntry(entry, tlsConfigured);
            if (!result.Contains(uri))
            {
                result.Add(uri);
            }
        }

        return result;
    }

    private static Uri ParseEntry(string entry, bool tlsConfigured)
    {
        var scheme = tlsConfigured ? Uri.UriSchemeHttps : Uri.UriSchemeHttp;
        var rest = entry;
        var schemeEnd = entry.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd >= 0)
        {
            scheme = entry[..schemeEnd].ToLowerInvariant();
            rest = entry[(schemeEnd + 3)..];
            if (scheme != Uri.UriSchemeHttp && scheme != Uri.UriSchemeHttps)
            {
                throw Invalid(entry, $"scheme '{scheme}' is not supported (use http or https)");
            }

            if (scheme == Uri.UriSchemeHttp && tlsConfigured)
            {
                throw Invalid(entry, "it says http:// but TLS files are configured; use https:// (or no scheme) so PD is reached over TLS");
            }
        }

        var pathStart = rest.IndexOf('/', StringComparison.Ordinal);
        var authority = pathStart >= 0 ? rest[..pathStart] : rest;
        var (host, port) = SplitHostPort(entry, authority);
        return new Uri($"{scheme}://{host}:{port.ToString(CultureInfo.InvariantCulture)}");
    }

    private static (string Host, int Port) SplitHostPort(string entry, string authority)
    {
        string host;
        string? portText = null;
        if (authority.StartsWith('['))
        {
            var close = authority.IndexOf(']', StringComparison.Ordinal);
            if (close < 0)
            {
                throw Invalid(entry, "the IPv6 address has no closing ']'");
            }

            host = authority[..(close + 1)];
            var after = authority[(close + 1)..];
            if (after.Length > 0)
            {
                portText = after.StartsWith(':') ? after[1..] : throw Invalid(entry, $"unexpected '{after}' after the IPv6 address");
            }
        }
        else
        {
            var colons = authority.Count(c => c == ':');
            if (colons > 1)
            {
                throw Invalid(entry, "an IPv6 address must be written in brackets, e.g. [::1]:2379");
            }

            var colon = authority.IndexOf(':', StringComparison.Ordinal);
            host = colon >= 0 ? authority[..colon] : authority;
            portText = colon >= 0 ? authority[(colon + 1)..] : null;
        }

        if (host.Length == 0 || Uri.CheckHostName(host.Trim('[', ']')) == UriHostNameType.Unknown)
        {
            throw Invalid(entry, $"'{host}' is not a host name or IP address");
        }

        var port = DefaultPort;
        if (portText is not null
            && (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out port) || port is < 1 or > 65535))
        {
            throw Invalid(entry, $"port '{portText}' is not a number between 1 and 65535");
        }

        return (host, port);
    }

    private static ArgumentException Invalid(string entry, string reason) =>
        new($"PD address '{entry}' is invalid: {reason}. Expected host:port, http://host:port or https://host:port.");
}
