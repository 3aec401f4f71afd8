using System.Text.RegularExpressions;

namespace SegRestore.Br.Arguments;

/// <summary>
/// Checks `br.extraArgs`: each item is exactly one `--flag` or `--flag=value` token; flags the operator owns (the
/// segment's identity, TLS) and flags that would put a secret on the command line are refused.
/// </summary>
public static partial class ExtraArgsValidator
{
    /// <summary>Flags the operator sets itself from the spec.</summary>
    public static readonly IReadOnlySet<string> OperatorOwnedFlags = new HashSet<string>(StringComparer.Ordinal)
    {
        BrFlags.Pd, BrFlags.Storage, BrFlags.StartTs, BrFlags.RestoredTs, BrFlags.Last, BrFlags.LastSegment,
        BrFlags.FullBackupStorage, BrFlags.CheckpointStorage, BrFlags.Ca, BrFlags.Cert, BrFlags.Key,
    };

    /// <summary>Flags whose value is a secret: secrets travel only as environment variables from Secrets.</summary>
    public static readonly IReadOnlySet<string> SecretBearingFlags = new HashSet<string>(StringComparer.Ordinal)
    {
        "s3.access-key", "s3.secret-access-key", "s3.session-token", "azblob.account-key", "azblob.sas-token",
        "azblob.encryption-key", "crypter.key", "log.crypter.key", "master-key",
    };

    public static IReadOnlyList<ExtraArgViolation> Validate(IReadOnlyList<string>? extraArgs)
    {
        var violations = new List<ExtraArgViolation>();
        for (var i = 0; i < (extraArgs?.Count ?? 0); i++)
        {
            var token = extraArgs![i] ?? string.Empty;
            var message = Check(token);
            if (message is not null)
            {
                violations.Add(new ExtraArgViolation(i, token, $"br.extraArgs[{i}] '{SecretRedactor.Redact(token)}': {message}"));
            }
        }

        return violations;
    }

    private static string? Check(string token)
    {
        var match = FlagToken().Match(token);
        if (!match.Success)
        {
            return "each item must be one token '--flag' or '--flag=value' (no spaces around the flag, no short flags, " +
                "no separate value item, no line breaks); write e.g. '--ratelimit=128'";
        }

        var name = match.Groups["name"].Value;
        if (OperatorOwnedFlags.Contains(name))
        {
            return $"--{name} is set by the operator from the segment's spec; use the matching spec field instead";
        }

        return SecretBearingFlags.Contains(name)
            ? $"--{name} would put a secret on BR's command line; put it in the storage's Secret instead"
            : null;
    }

    [GeneratedRegex(@"^--(?<name>[a-z0-9][a-z0-9._\-]*)(?:=[^\r\n\0]*)?$", RegexOptions.CultureInvariant)]
    private static partial Regex FlagToken();
}
