using SegRestore.Api.Storage;
using SegRestore.Store.Errors;

namespace SegRestore.Store.Rules;

/// <summary>Storage URLs are kept in the ledger and shown to users, so they must not carry credentials. The rule is
/// admission's (<see cref="StorageUrlCredentials"/>): a URL the operator admitted is one the ledger keeps.</summary>
public static class UrlCredentialRule
{
    /// <summary>Raises <see cref="LedgerValidationException"/> when <paramref name="url"/> holds user info or a query
    /// parameter that looks like a credential.</summary>
    public static void RequireCredentialFree(string field, string? url)
    {
        if (StorageUrlCredentials.Problem(url) is { } problem)
        {
            throw new LedgerValidationException(field, StorageUrlCredentials.Redact(url!), $"{problem} is not kept in the ledger; pass credentials through the storage secret");
        }
    }
}
