using System.Text;
using System.Text.RegularExpressions;

namespace SegRestore.Br;

/// <summary>
/// Removes secrets from anything shown to people: passwords in URL userinfo, credential query parameters of storage
/// URLs (BR's and the clouds' names, `-` or `_`, any case), credential environment assignments, and every known
/// secret value passed in. The result is guaranteed not to contain any of the known values.
/// </summary>
public static partial class SecretRedactor
{
    public const string Marker = "redacted";

    /// <summary>Query keys whose values are credentials (normalized: lower case, `-` separators).</summary>
    public static readonly IReadOnlyList<string> SensitiveQueryKeys =
    [
        "access-key", "secret-access-key", "session-token", "sas-token", "account-key", "encryption-key",
        "credentials", "credentials-file", "client-secret", "sig", "signature", "token", "password", "secret", "key",
        "x-amz-signature", "x-amz-credential", "x-amz-security-token",
    ];

    /// <summary>Environment variables that carry credentials.</summary>
    public static readonly IReadOnlyList<string> SensitiveEnvNames =
    [
        "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "GCS_SERVICE_ACCOUNT_JSON_KEY",
        "AZURE_CLIENT_SECRET", "AZURE_STORAGE_KEY", "AZURE_STORAGE_SAS_TOKEN",
    ];

    private static readonly Regex SensitiveQuery = new(
        @"(?<=[?&])(?<key>" + string.Join('|', SensitiveQueryKeys.OrderByDescending(k => k.Length)
            .Select(k => Regex.Escape(k).Replace("-", "[-_]", StringComparison.Ordinal))) + @")=(?<value>[^&\s""'\[\]#]*)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private static readonly Regex SensitiveEnv = new(
        @"\b(?<name>" + string.Join('|', SensitiveEnvNames) + @")=(?<value>\S+)", RegexOptions.CultureInvariant);

    public static string Redact(string? text, IEnumerable<string>? knownSecrets = null)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var result = UserInfoPassword().Replace(text, m => m.Groups["prefix"].Value + Marker + "@");
        result = SensitiveQuery.Replace(result, m => m.Groups["key"].Value + "=" + Marker);
        result = SensitiveEnv.Replace(result, m => m.Groups["name"].Value + "=" + Marker);
        var secrets = (knownSecrets ?? []).Where(s => !string.IsNullOrEmpty(s)).Distinct(StringComparer.Ordinal).ToList();
        return secrets.Count == 0 ? result : RemoveKnown(result, secrets);
    }

    /// <summary>True when a URL carries a credential (a userinfo password or a sensitive query parameter).</summary>
    public static bool CarriesCredential(string url, out string what)
    {
        var user = UserInfoPassword().Match(url);
        if (user.Success)
        {
            what = "a password in the URL's user info";
            return true;
        }

        var query = SensitiveQuery.Match(url);
        what = query.Success ? $"the query parameter '{query.Groups["key"].Value}'" : string.Empty;
        return query.Success;
    }

    /// <summary>
    /// Replaces every occurrence of every known secret at once (merged intervals of the original text), so that a
    /// replacement can never form a new occurrence; falls back to masking everything in pathological cases (a
    /// secret made of the marker's letters).
    /// </summary>
    private static string RemoveKnown(string text, List<string> secrets)
    {
        var covered = new bool[text.Length];
        foreach (var secret in secrets)
        {
            for (var at = text.IndexOf(secret, StringComparison.Ordinal); at >= 0;
                 at = text.IndexOf(secret, at + 1, StringComparison.Ordinal))
            {
                Array.Fill(covered, true, at, secret.Length);
            }
        }

        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (!covered[i])
            {
                builder.Append(text[i]);
            }
            else if (i == 0 || !covered[i - 1])
            {
                builder.Append(Marker);
            }
        }

        var redacted = builder.ToString();
        if (!ContainsAny(redacted, secrets))
        {
            return redacted;
        }

        var masked = new string('*', text.Length);
        return ContainsAny(masked, secrets) ? string.Empty : masked;
    }

    private static bool ContainsAny(string text, List<string> secrets) =>
        secrets.Exists(s => text.Contains(s, StringComparison.Ordinal));

    [GeneratedRegex(@"(?<prefix>[A-Za-z][A-Za-z0-9+.\-]*://[^/\s:@""'\[\]]*:)[^/\s@""'\[\]]+@", RegexOptions.CultureInvariant)]
    private static partial Regex UserInfoPassword();
}
