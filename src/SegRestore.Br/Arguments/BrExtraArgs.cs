using System.Text.RegularExpressions;
using SegRestore.Api.Flags;

namespace SegRestore.Br.Arguments;

/// <summary>
/// The builder's check of `br.extraArgs`: the API's admission rules (<see cref="ExtraArgsValidator"/>: one token per
/// item, no operator-owned flag) plus flags whose value is a secret that the API list does not own yet, so that the
/// builder never emits an owned flag or a secret even when handed an unvalidated request.
/// </summary>
public static partial class BrExtraArgs
{
    /// <summary>Flags whose value is a secret: secrets travel only as environment variables from Secrets.</summary>
    public static readonly IReadOnlySet<string> SecretBearingFlags = new HashSet<string>(StringComparer.Ordinal)
    {
        "s3.access-key", "s3.secret-access-key", "s3.session-token", "azblob.account-key", "azblob.sas-token",
        "azblob.encryption-key", "crypter.key", "log.crypter.key", "master-key", "gcs.credentials-file",
    };

    public static IReadOnlyList<ExtraArgViolation> Validate(IReadOnlyList<string>? extraArgs)
    {
        var violations = ExtraArgsValidator.Validate(extraArgs).ToList();
        for (var index = 0; index < (extraArgs?.Count ?? 0); index++)
        {
            var item = extraArgs![index] ?? string.Empty;
            var flag = FlagName().Match(item);
            if (violations.TrueForAll(v => v.Index != index) && flag.Success && SecretBearingFlags.Contains(flag.Groups["name"].Value))
            {
                violations.Add(new ExtraArgViolation(index, item,
                    $"{ExtraArgsValidator.Field}[{index}]: --{flag.Groups["name"].Value} would put a secret on BR's command line; " +
                    "remove it and put the secret in the storage's Secret"));
            }
        }

        return [.. violations.OrderBy(v => v.Index)];
    }

    [GeneratedRegex(@"^--(?<name>[A-Za-z0-9][A-Za-z0-9.-]*)(=.*)?$", RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex FlagName();
}
