namespace SegRestore.Br.Errors;

/// <summary>
/// One row of the catalog: BR's error text matches when, for any of <see cref="Alternatives"/>, every fragment occurs
/// (case-insensitive). Permanent failures stop retries; the remediation tells a DBA what to change.
/// </summary>
public sealed record BrErrorCatalogEntry(
    BrFailureReason Reason,
    bool Permanent,
    IReadOnlyList<IReadOnlyList<string>> Alternatives,
    string Remediation)
{
    public bool Matches(string errorText) =>
        Alternatives.Any(fragments => fragments.All(f => errorText.Contains(f, StringComparison.OrdinalIgnoreCase)));
}
