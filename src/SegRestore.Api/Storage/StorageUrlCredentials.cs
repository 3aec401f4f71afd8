using SegRestore.Api.Chain;

namespace SegRestore.Api.Storage;

/// <summary>
/// Storage URLs end up in the pod, BR's argv, the ledger and every status that names them, so they must not carry
/// credentials: user info (<c>s3://KEY:SECRET@bucket</c>) or a query parameter that looks like one (an Azure SAS, a
/// signed URL). Pure; the admission rules and the ledger share it.
/// </summary>
public static class StorageUrlCredentials
{
    private static readonly string[] SecretQueryKeys =
        ["secret", "access-key", "access_key", "accesskey", "token", "password", "sig", "credential", "sas"];

    /// <summary>What in <paramref name="url"/> looks like a credential, or null when nothing does.</summary>
    public static string? Problem(string? url)
    {
        if (string.IsNullOrEmpty(url))
        {
            return null;
        }

        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        var rest = schemeEnd < 0 ? url : url[(schemeEnd + 3)..];
        var authorityEnd = rest.IndexOfAny(['/', '?', '#']);
        var authority = authorityEnd < 0 ? rest : rest[..authorityEnd];
        if (authority.Contains('@', StringComparison.Ordinal))
        {
            return "credentials in the URL's user info (before '@')";
        }

        var queryStart = url.IndexOf('?', StringComparison.Ordinal);
        if (queryStart < 0)
        {
            return null;
        }

        foreach (var pair in url[(queryStart + 1)..].Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var key = pair.Split('=', 2)[0].ToLowerInvariant();
            if (SecretQueryKeys.Any(key.Contains))
            {
                return $"query parameter '{BoundedText.Echo(key)}', which looks like a credential";
            }
        }

        return null;
    }

    /// <summary>The URL without user info and query: safe to show in a message.</summary>
    public static string Redact(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        var scheme = schemeEnd < 0 ? "" : url[..(schemeEnd + 3)];
        var rest = schemeEnd < 0 ? url : url[(schemeEnd + 3)..];
        var queryStart = rest.IndexOfAny(['?', '#']);
        if (queryStart >= 0)
        {
            rest = rest[..queryStart];
        }

        var authorityEnd = rest.IndexOf('/', StringComparison.Ordinal);
        var authority = authorityEnd < 0 ? rest : rest[..authorityEnd];
        var at = authority.LastIndexOf('@');
        if (at >= 0)
        {
            rest = "***@" + rest[(at + 1)..];
        }

        return scheme + rest;
    }
}
