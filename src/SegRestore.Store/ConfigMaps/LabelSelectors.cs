using System.Text.RegularExpressions;

namespace SegRestore.Store.ConfigMaps;

/// <summary>Builds equality label selectors (<c>k1=v1,k2=v2</c>). Keys and values are checked against Kubernetes'
/// label syntax first, because a value holding <c>,</c> or <c>=</c> would silently select something else.</summary>
public static partial class LabelSelectors
{
    public static string Equality(IReadOnlyDictionary<string, string> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        foreach (var (key, value) in labels)
        {
            if (!IsValidKey(key))
            {
                throw new ArgumentException(
                    $"Label key '{key}' is not a valid Kubernetes label key ([prefix/]name, name up to 63 of [A-Za-z0-9._-]).", nameof(labels));
            }

            if (!LabelValue().IsMatch(value))
            {
                throw new ArgumentException(
                    $"Label value '{value}' of key '{key}' is not a valid Kubernetes label value (up to 63 of [A-Za-z0-9._-], " +
                    "starting and ending alphanumeric).", nameof(labels));
            }
        }

        return string.Join(',', labels.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => $"{pair.Key}={pair.Value}"));
    }

    private static bool IsValidKey(string key)
    {
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        var prefix = slash < 0 ? null : key[..slash];
        var name = slash < 0 ? key : key[(slash + 1)..];
        return name.Length > 0 && LabelValue().IsMatch(name) && (prefix is null || (prefix.Length <= 253 && DnsSubdomain().IsMatch(prefix)));
    }

    [GeneratedRegex("^([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)?$")]
    private static partial Regex LabelValue();

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")]
    private static partial Regex DnsSubdomain();
}
