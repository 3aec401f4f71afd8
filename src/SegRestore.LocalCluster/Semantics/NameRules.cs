using System.Text.RegularExpressions;
using SegRestore.LocalCluster.Api;

namespace SegRestore.LocalCluster.Semantics;

/// <summary>Object name validation: RFC 1123 subdomains for most kinds, labels for namespaces.</summary>
public static partial class NameRules
{
    private const string GenerateNameAlphabet = "bcdfghjklmnpqrstvwxz2456789";

    public static FieldError? Validate(string name, bool labelOnly)
    {
        if (labelOnly)
        {
            return ValidateLabel(name, "metadata.name");
        }

        return name.Length <= 253 && Subdomain().IsMatch(name)
            ? null
            : new FieldError("FieldValueInvalid", "metadata.name",
                $"Invalid value: \"{name}\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric "
                + "characters, '-' or '.', and must start and end with an alphanumeric character (e.g. "
                + "'example.com', regex used for validation is "
                + "'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')");
    }

    /// <summary>A DNS-1123 label (at most 63 characters): namespace, container and volume names.</summary>
    public static FieldError? ValidateLabel(string name, string field) =>
        name.Length <= 63 && Label().IsMatch(name)
            ? null
            : new FieldError("FieldValueInvalid", field,
                $"Invalid value: \"{name}\": a lowercase RFC 1123 label must consist of lower case alphanumeric "
                + "characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  "
                + "or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')");

    /// <summary>Why <paramref name="value"/> is not a qualified name (<c>[prefix/]name</c>, as label keys and
    /// <c>reportingController</c>), in apimachinery's words; empty when it is one.</summary>
    public static IReadOnlyList<string> QualifiedNameProblems(string value)
    {
        const string nameRule = "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with "
            + "an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is "
            + "'([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
        var problems = new List<string>();
        var parts = value.Split('/');
        if (parts.Length > 2)
        {
            return ["a qualified name " + nameRule + " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')"];
        }

        if (parts.Length == 2)
        {
            if (parts[0].Length == 0)
            {
                problems.Add("prefix part must be non-empty");
            }
            else if (parts[0].Length > 253 || !Subdomain().IsMatch(parts[0]))
            {
                problems.Add(parts[0].Length > 253
                    ? "prefix part must be no more than 253 characters"
                    : "prefix part a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' "
                      + "or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for "
                      + "validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')");
            }
        }

        var name = parts[^1];
        if (name.Length == 0)
        {
            problems.Add("name part must be non-empty");
        }
        else if (name.Length > 63)
        {
            problems.Add("name part must be no more than 63 characters");
        }

        if (!QualifiedNamePart().IsMatch(name))
        {
            problems.Add("name part " + nameRule);
        }

        return problems;
    }

    /// <summary>The prefix plus five random characters, as the API server completes <c>generateName</c>.</summary>
    public static string Generate(string prefix)
    {
        Span<char> suffix = stackalloc char[5];
        for (var i = 0; i < suffix.Length; i++)
        {
            suffix[i] = GenerateNameAlphabet[Random.Shared.Next(GenerateNameAlphabet.Length)];
        }

        return prefix + new string(suffix);
    }

    [GeneratedRegex("^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$")]
    private static partial Regex QualifiedNamePart();

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex Label();

    [GeneratedRegex(@"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")]
    private static partial Regex Subdomain();
}
