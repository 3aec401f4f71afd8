using System.Text.RegularExpressions;

namespace SegRestore.Api.Flags;

/// <summary>
/// Checks spec.br.extraArgs: each item is exactly one <c>--flag</c> or <c>--flag=value</c> token (no whitespace, no
/// control characters; the flag name is letters, digits, dots and dashes), and no item sets a flag the operator owns
/// (<see cref="OwnedBrFlags"/>) in any spelling BR reads as that flag, nor a near-miss of one.
/// Values are free: BR runs without a shell, so metacharacters in a value reach BR literally.
/// </summary>
/// <remarks>
/// How BR reads its command line (pingcap/tidb br/cmd/br main.go, cmd.go, restore.go, stream.go; br/pkg/task/common.go;
/// spf13/pflag flag.go v1.0.5 to v1.0.9): BR's commands are cobra commands over pflag flag sets and none sets a
/// NormalizeFunc, so pflag's identity normalization applies: a long flag is looked up by its exact, case-sensitive name
/// (<c>--PD</c> and <c>--p_d</c> are unknown flags, and so are abbreviations). <c>--name=value</c> splits at the first
/// '='; <c>--name value</c> takes the next argument unless the flag is a bool; <c>--</c> ends the flags. A single dash
/// starts a shorthand group: pflag reads letter after letter while the letter is a bool shorthand (BR: <c>-c</c>
/// send-credentials-to-tikv, <c>-V</c> version), and the first value-taking letter takes the rest of the item as its
/// value (<c>-u=x</c>, <c>-ux</c>), so <c>-cu=x</c> sets --pd. BR's value shorthands are <c>-u</c> pd, <c>-s</c>
/// storage, <c>-f</c> filter, <c>-L</c> log-level; cobra adds <c>-h</c>/<c>--help</c>, which prints help and exits 0.
/// </remarks>
public static partial class ExtraArgsValidator
{
    public const string Field = "spec.br.extraArgs";

    /// <summary>Longest item accepted; a megabyte flag value would be copied into the pod, BR's argv and its logs.</summary>
    public const int MaxItemLength = 4096;

    /// <summary>Every violation, in item order; empty when all items are acceptable.</summary>
    public static IReadOnlyList<ExtraArgViolation> Validate(IReadOnlyList<string>? items)
    {
        if (items is null)
        {
            return [];
        }

        var violations = new List<ExtraArgViolation>();
        for (var index = 0; index < items.Count; index++)
        {
            var message = Check(items[index] ?? "", $"{Field}[{index}]");
            if (message is not null)
            {
                violations.Add(new ExtraArgViolation(index, items[index] ?? "", message));
            }
        }

        return violations;
    }

    /// <summary>The problem with one item, or null when it is acceptable.</summary>
    public static string? Check(string item, string field)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (item.Length > MaxItemLength)
        {
            return $"{field} is {item.Length} characters long; an extra argument is at most {MaxItemLength}: shorten it";
        }

        if (ArgumentText.Problem(field, item) is { } control)
        {
            return control + "; each item is exactly one --flag or --flag=value token, so put a second flag in its own item";
        }

        if (item.Any(char.IsWhiteSpace) || item.Length == 0)
        {
            return $"{field}: \"{item}\" must be exactly one --flag or --flag=value token without whitespace; " +
                "put each flag in its own item and join a flag and its value with '='";
        }

        if (item.Length > 1 && item[0] == '-' && item[1] != '-')
        {
            var owned = OwnedInShorthandGroup(item);
            return owned is not null
                ? Owned(field, item, owned)
                : $"{field}: \"{item}\" is a short flag; write the long form --flag or --flag=value";
        }

        var body = item.StartsWith("--", StringComparison.Ordinal) ? item[2..] : null;
        var name = body?.Split('=', 2)[0];
        if (name is not null && OwnedBrFlags.FindByName(name) is { } ownedFlag)
        {
            return Owned(field, item, ownedFlag);
        }

        if (name is not null && OwnedBrFlags.FindByName(name.ToLowerInvariant().Replace('_', '-')) is { } meant)
        {
            return $"{field}: \"{Redacted(item)}\" is not a flag BR knows: BR's flag names are case-sensitive and keep " +
                $"'-' and '_' apart, so BR would fail with \"unknown flag: --{name}\". It looks like --{meant.Name}, " +
                $"which the operator owns: remove it and {meant.Fix}";
        }

        return FlagToken().IsMatch(item)
            ? null
            : $"{field}: \"{item}\" is not a --flag or --flag=value token (a flag name is letters, digits, " +
                "'.' and '-'); write e.g. --ratelimit=128";
    }

    // BR's bool shorthands: pflag goes on to the next letter of the group after one of these (unless '=' follows).
    private const string BoolShorthands = "cV";

    /// <summary>The owned flag that pflag would set while reading the shorthand group <paramref name="item"/> ("-abc").</summary>
    private static OwnedBrFlag? OwnedInShorthandGroup(string item)
    {
        for (var index = 1; index < item.Length; index++)
        {
            if (OwnedBrFlags.FindByShorthand(item[index].ToString()) is { } owned)
            {
                return owned;
            }

            var continues = BoolShorthands.Contains(item[index], StringComparison.Ordinal)
                && (index + 1 >= item.Length || item[index + 1] != '=');
            if (!continues)
            {
                return null;
            }
        }

        return null;
    }

    private static string Owned(string field, string item, OwnedBrFlag flag) =>
        $"{field}: \"{Redacted(item)}\" sets --{flag.Name}, which the operator owns; remove it and {flag.Fix}";

    // An owned flag's value may be a secret (--azblob.account-key=...): never echo it.
    private static string Redacted(string item)
    {
        var equals = item.IndexOf('=', StringComparison.Ordinal);
        return equals < 0 ? item : item[..(equals + 1)] + "***";
    }

    [GeneratedRegex(@"^--(?<name>[A-Za-z0-9][A-Za-z0-9.-]*)(=.*)?$", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | RegexOptions.Singleline)]
    private static partial Regex FlagToken();
}
