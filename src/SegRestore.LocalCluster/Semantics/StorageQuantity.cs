using System.Globalization;
using System.Text.RegularExpressions;

namespace SegRestore.LocalCluster.Semantics;

/// <summary>Parses a Kubernetes resource quantity (<c>1Gi</c>, <c>500M</c>, <c>1e9</c>, <c>100m</c>) to its value, so a
/// claim's storage request can be checked the way the API server checks it: well-formed and greater than zero.</summary>
public static partial class StorageQuantity
{
    /// <summary>The grammar the API server's error message quotes.</summary>
    public const string Pattern = "^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$";

    private static readonly Dictionary<string, double> Suffixes = new(StringComparer.Ordinal)
    {
        [""] = 1,
        ["n"] = 1e-9,
        ["u"] = 1e-6,
        ["m"] = 1e-3,
        ["k"] = 1e3,
        ["M"] = 1e6,
        ["G"] = 1e9,
        ["T"] = 1e12,
        ["P"] = 1e15,
        ["E"] = 1e18,
        ["Ki"] = 1024d,
        ["Mi"] = Math.Pow(1024, 2),
        ["Gi"] = Math.Pow(1024, 3),
        ["Ti"] = Math.Pow(1024, 4),
        ["Pi"] = Math.Pow(1024, 5),
        ["Ei"] = Math.Pow(1024, 6),
    };

    /// <summary>The quantity's value (bytes for storage); false when the text is not a quantity.</summary>
    public static bool TryParse(string text, out double value)
    {
        value = 0;
        var match = QuantityRegex().Match(text);
        if (!match.Success || !double.TryParse(match.Groups[1].Value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
        {
            return false;
        }

        var suffix = match.Groups[2].Value;
        if (Suffixes.TryGetValue(suffix, out var multiplier))
        {
            value = number * multiplier;
            return true;
        }

        // A decimal exponent: 1e3, 5E-2.
        if (suffix.Length > 1 && suffix[0] is 'e' or 'E'
            && int.TryParse(suffix[1..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var exponent))
        {
            value = number * Math.Pow(10, exponent);
            return true;
        }

        return false;
    }

    [GeneratedRegex(Pattern, RegexOptions.CultureInvariant)]
    private static partial Regex QuantityRegex();
}
