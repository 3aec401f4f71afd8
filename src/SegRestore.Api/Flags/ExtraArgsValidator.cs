using System.Text.RegularExpressions;

namespace SegRestore.Api.Flags;

/// <summary>
/// Checks spec.br.extraArgs: each item is exactly one <c>--flag</c> or <c>--flag=value</c> token (no whitespace;
/// the flag name is letters, digits, dots and dashes), and no item sets a flag the operator owns
/// (<see cref="OwnedBrFlags"/>), in any spelling (<c>--pd</c>, <c>--pd=x</c>, <c>-u</c>, <c>-ux</c>, <c>-u=x</c>).
/// Values are free: BR runs without a shell, so metacharacters in a value reach BR literally.
/// </summary>
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

        if (item.Any(char.IsWhiteSpace) || item.Length == 0)
        {
            return $"{field}: \"{item}\" must be exactly one --flag or --flag=value token without whitespace; " +
                "put each flag in its own item and join a flag and its value with '='";
        }

        var shorthand = ShorthandToken().Match(item);
        if (shorthand.Success)
        {
            var owned = OwnedBrFlags.FindByShorthand(shorthand.Groups["letter"].Value);
            return owned is not null
                ? Owned(field, item, owned)
                : $"{field}: \"{item}\" is a short flag; write the long form --flag or --flag=value";
        }

        var flag = FlagToken().Match(item);
        if (!flag.Success)
        {
            return $"{field}: \"{item}\" is not a --flag or --flag=value token (a flag name is letters, digits, " +
                "'.' and '-'); write e.g. --ratelimit=128";
        }

        var name = flag.Groups["name"].Value;
        var ownedFlag = OwnedBrFlags.FindByName(name);
        return ownedFlag is null ? null : Owned(field, item, ownedFlag);
    }

    private static string Owned(string field, string item, OwnedBrFlag flag) =>
        $"{field}: \"{Redacted(item)}\" sets --{flag.Name}, which the operator owns; remove it and {flag.Fix}";

    // An owned flag's value may be a secret (--azblob.account-key=...): never echo it.
    private static string Redacted(string item)
    {
        var equals = item.IndexOf('=', StringComparison.Ordinal);
        return equals < 0 ? item : item[..(equals + 1)] + "***";
    }

    [GeneratedRegex(@"^-(?<letter>[A-Za-z])(=?.*)$", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | RegexOptions.Singleline)]
    private static partial Regex ShorthandToken();

    [GeneratedRegex(@"^--(?<name>[A-Za-z0-9][A-Za-z0-9.-]*)(=.*)?$", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | RegexOptions.Singleline)]
    private static partial Regex FlagToken();
}
