namespace SegRestore.Api.Crd;

/// <summary>ValidationRule of x-kubernetes-validations (a CEL rule).</summary>
public sealed class CrdValidationRule
{
    public string Rule { get; set; } = "";

    public string? Message { get; set; }

    public string? Reason { get; set; }
}
