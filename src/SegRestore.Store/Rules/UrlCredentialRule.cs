using SegRestore.Store.Errors;

namespace SegRestore.Store.Rules;

/// <summary>Storage URLs are kept in the ledger and shown to users, so they must not carry credentials.</summary>
public static class UrlCredentialRule
{
    private static readonly string[] SecretQueryKeys =
        ["secret", "access-key", "access_key", "accesskey", "token", "password", "sig", "credential", "sas"];

    /// <summary>Raises <see cref="LedgerValidationException"/> when <paramref name="url"/> holds user info or a query
    /// parameter that looks like a credential.</summary>
    public static void RequireCredentialFree(string field, string? url)
    {
        if (string.IsNullOrEmpty(url) || !Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return;
        }

        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            throw new LedgerValidationException(field, Redact(uri), "credentials in the URL's user info are not kept in the ledger; pass them through the storage secret");
        }

        var query = uri.Query.TrimStart('?');
        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var key = pair.Split('=', 2)[0].ToLowerInvariant();
            if (SecretQueryKeys.Any(key.Contains))
            {
                throw new LedgerValidationException(field, Redact(uri), $"query parameter '{key}' looks like a credential; pass it through the storage secret");
            }
        }
    }

    private static string Redact(Uri uri) => $"{uri.Scheme}://{uri.Host}{uri.AbsolutePath}";
}
