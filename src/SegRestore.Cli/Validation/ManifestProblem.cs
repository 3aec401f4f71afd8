namespace SegRestore.Cli.Validation;

/// <summary>One finding of `segrestore validate`.</summary>
/// <param name="File">The manifest file.</param>
/// <param name="Segment">metadata.name, or "-" when the document has none.</param>
/// <param name="Reason">The operator's reason (ChainReason), or SchemaViolation / ParseError for what the API server
/// or YAML parser would refuse.</param>
/// <param name="Message">What is wrong and how to fix it (the operator's own text for chain reasons).</param>
/// <param name="IsError">False for Waiting reasons: the chain is valid but will wait (e.g. PreviousNotFound).</param>
public sealed record ManifestProblem(string File, string Segment, string Reason, string Message, bool IsError)
{
    public const string SchemaViolation = "SchemaViolation";
    public const string ParseError = "ParseError";

    public override string ToString() => $"{File}: {Segment}: {Reason}: {Message}";
}
