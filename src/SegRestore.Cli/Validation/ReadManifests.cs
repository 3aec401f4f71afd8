namespace SegRestore.Cli.Validation;

/// <summary>What <c>segrestore validate</c> read: how many files, their documents, and the syntax errors met.</summary>
public sealed record ReadManifests(int Files, IReadOnlyList<ManifestDocument> Documents, IReadOnlyList<ManifestProblem> Problems);
