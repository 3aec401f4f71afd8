using System.Globalization;
using SegRestore.Api.Chain;

namespace SegRestore.Api.Storage;

/// <summary>
/// One entry of <c>spec.cluster.pd</c> as BR's <c>--pd</c> and the operator's PD client both take it:
/// <c>[http://|https://]host:port[/]</c>, host a DNS name, an IPv4 address or a bracketed IPv6 address, port 1 to 65535.
/// Pure; what passes here is what the PD client can parse.
/// </summary>
public static class PdEndpointSyntax
{
    /// <summary>What is wrong with the entry, or null.</summary>
    public static string? Problem(string entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var rest = entry;
        var schemeEnd = entry.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd >= 0)
        {
            var scheme = entry[..schemeEnd].ToLowerInvariant();
            if (scheme is not ("http" or "https"))
            {
                return $"has scheme '{BoundedText.Echo(scheme)}' (use http://, https:// or none)";
            }

            rest = entry[(schemeEnd + 3)..];
        }

        rest = rest.EndsWith('/') ? rest[..^1] : rest;
        if (rest.Contains('/', StringComparison.Ordinal) || rest.Contains('@', StringComparison.Ordinal))
        {
            return "has a path or user info";
        }

        var colon = rest.LastIndexOf(':');
        if (colon <= 0 || (rest.StartsWith('[') && rest[colon - 1] != ']'))
        {
            return "has no port";
        }

        var host = rest[..colon];
        var portText = rest[(colon + 1)..];
        if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            return $"has port '{BoundedText.Echo(portText)}', which is not a number from 1 to 65535";
        }

        return HostProblem(host);
    }

    private static string? HostProblem(string host)
    {
        if (host.StartsWith('[') && host.EndsWith(']'))
        {
            return Uri.CheckHostName(host[1..^1]) == UriHostNameType.IPv6 ? null : $"has '{BoundedText.Echo(host)}', which is not an IPv6 address";
        }

        if (host.Contains(':', StringComparison.Ordinal))
        {
            return "has an IPv6 address without brackets (write it as [::1]:2379)";
        }

        var kind = Uri.CheckHostName(host);
        return kind is UriHostNameType.Dns or UriHostNameType.IPv4 && IsDnsName(host)
            ? null
            : $"has host '{BoundedText.Echo(host)}', which is not a DNS name or an IP address";
    }

    private static bool IsDnsName(string host) =>
        host.Length <= 253
        && host.Split('.').All(label => label.Length is > 0 and <= 63
            && label.All(c => char.IsAsciiLetterOrDigit(c) || c == '-')
            && label[0] != '-' && label[^1] != '-');
}
