using SegRestore.LocalCluster.Api;
using SegRestore.LocalCluster.Resources;

namespace SegRestore.LocalCluster.Semantics;

/// <summary>Field validation of one client request: the directive it asked for, the duplicate keys of its body,
/// and the warnings to answer with. <see cref="ObjectService"/> reports the unknown fields it finds here.</summary>
public sealed class FieldValidation(FieldValidationDirective directive, IReadOnlyList<string> duplicates)
{
    private static readonly string[] Supported = ["", "Ignore", "Strict", "Warn"];

    private readonly List<string> _warnings = [];

    public FieldValidationDirective Directive => directive;

    public IReadOnlyList<string> Duplicates => duplicates;

    /// <summary>The <c>Warning</c> texts (<c>unknown field "spec.foo"</c>), empty unless the directive is Warn.</summary>
    public IReadOnlyList<string> Warnings => _warnings;

    /// <summary>The directive of a query value; absent or empty is Warn (the server default since 1.27). Anything
    /// else is refused with 422 on the request's options kind (<c>CreateOptions</c>, <c>UpdateOptions</c>,
    /// <c>PatchOptions</c>), as the API server does.</summary>
    public static FieldValidationDirective ParseDirective(string? value, string optionsKind) => value switch
    {
        null or "" or "Warn" => FieldValidationDirective.Warn,
        "Strict" => FieldValidationDirective.Strict,
        "Ignore" => FieldValidationDirective.Ignore,
        _ => throw StatusErrors.Invalid("meta.k8s.io", optionsKind, "",
            [new FieldError("FieldValueNotSupported", "fieldValidation",
                $"Unsupported value: \"{value}\": supported values: {string.Join(", ", Supported.Select(s => $"\"{s}\""))}")]),
    };

    /// <summary>Strict: 400 naming every unknown then every duplicate field. Warn: one warning each. Ignore: nothing.</summary>
    public void Report(ResourceDefinition resource, IReadOnlyList<string> unknown)
    {
        var violations = unknown.Select(f => $"unknown field \"{f}\"").Concat(duplicates.Select(f => $"duplicate field \"{f}\"")).ToList();
        if (violations.Count == 0 || directive == FieldValidationDirective.Ignore)
        {
            return;
        }

        if (directive == FieldValidationDirective.Strict)
        {
            throw StatusErrors.CannotDecode(resource, "strict decoding error: " + string.Join(", ", violations));
        }

        _warnings.AddRange(violations);
    }
}
