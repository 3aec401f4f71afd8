using System.Security.Cryptography;
using System.Text;
using SegRestore.Reporter.Contract;

namespace SegRestore.Operator.Reporter;

/// <summary>
/// Pure check of an <c>authorization</c> header against the grant registered for the named attempt. Hashes are
/// compared with <see cref="CryptographicOperations.FixedTimeEquals"/>, so timing reveals nothing about the token;
/// comparing fixed-length hashes also hides the token's length.
/// </summary>
public static class AttemptTokenVerifier
{
    public static TokenCheck Check(string? authorization, AttemptGrant? grant)
    {
        if (string.IsNullOrEmpty(authorization))
        {
            return TokenCheck.MissingToken;
        }

        if (!authorization.StartsWith(ReporterProtocol.BearerPrefix, StringComparison.OrdinalIgnoreCase)
            || authorization.Length == ReporterProtocol.BearerPrefix.Length)
        {
            return TokenCheck.MalformedHeader;
        }

        var presented = SHA256.HashData(Encoding.UTF8.GetBytes(authorization[ReporterProtocol.BearerPrefix.Length..].Trim()));
        if (grant is null)
        {
            return TokenCheck.UnknownAttempt;
        }

        return CryptographicOperations.FixedTimeEquals(presented, grant.TokenSha256) ? TokenCheck.Granted : TokenCheck.WrongToken;
    }
}
